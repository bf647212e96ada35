/** The drop zone with its two pickers (files, a folder) and the list of files chosen so far. */
import { useRef, useState, type DragEvent } from 'react';
import { formatCount } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.ts';
import { fileKindOf } from '../../lib/import/file-kind.ts';
import { byName, filesOfDrop, importableFromFolder } from './dropped-files.ts';
import { formatBytes } from './format-bytes.ts';

const LISTED = 8;
/** Chromium's folder picker; React's types do not know the attribute. */
const FOLDER_INPUT = { webkitdirectory: '' } as Record<string, string>;

export interface FilePickerProps {
  files: readonly File[];
  disabled: boolean;
  onChange(files: File[]): void;
}

export function FilePicker({ files, disabled, onChange }: FilePickerProps) {
  const { lang, t } = useI18n();
  const [over, setOver] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const add = (more: File[]) => {
    const names = new Set(files.map((f) => f.name));
    onChange([...files, ...more.filter((f) => !names.has(f.name))].sort(byName));
  };
  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) add(await filesOfDrop(event.dataTransfer));
  };
  const size = files.reduce((sum, f) => sum + f.size, 0);

  return (
    <div className="import-picker">
      <div className={`import-drop${over ? ' is-over' : ''}`} data-testid="import-drop"
        onDragOver={(event) => { event.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)} onDrop={onDrop}>
        <p className="import-drop-title">{t('import.drop')}</p>
        <p className="import-drop-actions">
          <span>{t('import.or')}</span>
          <button type="button" className="import-button" disabled={disabled} onClick={() => filesInput.current?.click()}>{t('import.pickFiles')}</button>
          <button type="button" className="import-button" disabled={disabled} onClick={() => folderInput.current?.click()}>{t('import.pickFolder')}</button>
        </p>
        <p className="import-drop-hint">{t('import.accepts')}</p>
        <input ref={filesInput} type="file" multiple hidden data-testid="import-input" aria-label={t('import.pickFiles')}
          onChange={(event) => { add([...(event.target.files ?? [])]); event.target.value = ''; }} />
        <input ref={folderInput} type="file" multiple hidden {...FOLDER_INPUT} aria-label={t('import.pickFolder')}
          onChange={(event) => { add(importableFromFolder([...(event.target.files ?? [])])); event.target.value = ''; }} />
      </div>
      {files.length > 0 && (
        <div className="import-selection" data-testid="import-selection">
          <div className="import-selection-head">
            <strong>{t('import.selected', { count: formatCount(files.length, lang) })}</strong>
            <span className="import-muted">{formatBytes(size, lang)}</span>
            <button type="button" className="import-link" disabled={disabled} onClick={() => onChange([])}>{t('import.clearSelection')}</button>
          </div>
          <ul className="import-file-list">
            {files.slice(0, LISTED).map((file) => (
              <li key={file.name}>
                <span className="import-file-name">{file.name}</span>
                <span className="import-kind">{t(`import.kind.${fileKindOf(file.name)}`)}</span>
                <span className="import-muted">{formatBytes(file.size, lang)}</span>
              </li>
            ))}
            {files.length > LISTED && <li className="import-muted">{t('import.moreFiles', { count: formatCount(files.length - LISTED, lang) })}</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
