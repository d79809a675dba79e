import { lazyModule } from '../../shared/lazy-module';
import { useLazyModule } from '../hosts/useLazyModule';
import { useLab } from './lab-context';

/**
 * The list's code (see `NoticeList`): a lab usually opens with nothing to say, so it loads with
 * the first notice or replay, not before the first draw.
 */
export const noticeListCode = lazyModule(() => import('./NoticeList'));

/** Messages for the user (`NoticeList`), drawn once there is one. */
export function Notices() {
  const any = useLab((s) => s.notices.length > 0 || s.replaying !== null);
  const code = useLazyModule(noticeListCode, any);
  return any && code ? <code.NoticeList /> : null;
}
