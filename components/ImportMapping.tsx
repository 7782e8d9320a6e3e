import { FIELD_LABELS, IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../utils/import/columns';

/** Which column holds what: recognised columns preselected, any other chosen by the user. */
export function ImportMapping({
  fileName,
  headers,
  mapping,
  recognised,
  problems,
  onChange,
  onCheck,
  onCancel,
}: {
  fileName: string;
  headers: readonly string[];
  mapping: ColumnMapping;
  recognised: boolean;
  problems: readonly string[];
  onChange: (mapping: ColumnMapping) => void;
  onCheck: () => void;
  onCancel: () => void;
}) {
  const set = (field: ImportField, value: string) => onChange({ ...mapping, [field]: value === '' ? null : Number(value) });
  return (
    <fieldset class="hc-stack">
      <legend>Columns of {fileName}</legend>
      <p class="hc-muted">
        {recognised
          ? 'Highcard recognised these columns. Change any that are wrong, then check the file.'
          : 'Highcard did not recognise every column: say which column holds what, then check the file.'}
      </p>
      {IMPORT_FIELDS.map((field) => (
        <label key={field}>
          {FIELD_LABELS[field]}
          <select value={mapping[field] === null ? '' : String(mapping[field])} onChange={(e) => set(field, e.currentTarget.value)}>
            <option value="">(none)</option>
            {headers.map((header, index) => (
              <option key={index} value={String(index)}>
                {header || `Column ${index + 1}`}
              </option>
            ))}
          </select>
        </label>
      ))}
      {problems.map((problem) => (
        <p key={problem} class="hc-muted">
          {problem}
        </p>
      ))}
      <div class="hc-row">
        <button type="button" onClick={onCheck} disabled={mapping.account_name === null && mapping.website === null && mapping.email === null}>
          Check the file
        </button>
        <button type="button" onClick={onCancel}>
          Choose another file
        </button>
      </div>
    </fieldset>
  );
}
