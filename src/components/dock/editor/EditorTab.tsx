import { Hideable } from '../../shell/Hideable';
import { DrivePanel } from './DrivePanel';
import { MapEditor } from './MapEditor';

/** The dock's Map editor and Drive tab. */
export default function EditorTab() {
  return (
    <>
      <Hideable id="editor">
        <MapEditor />
      </Hideable>
      <Hideable id="drive">
        <DrivePanel />
      </Hideable>
    </>
  );
}
