import { FieldMessages } from '../../ui';

/** A fieldset of checkboxes (sectors, partnership kinds) with the API's messages about it. */
export function ChoicesFieldset({
  name,
  legend,
  options,
  chosen,
  errors,
  onToggle,
}: {
  name: string;
  legend: string;
  options: { id: string; label: string }[];
  chosen: string[];
  errors: string[] | undefined;
  onToggle: (id: string) => void;
}) {
  return (
    <fieldset className={errors ? 'invalid' : undefined}>
      <legend>{legend}</legend>
      <div className="choices">
        {options.map((option) => (
          <label key={option.id} className="choice">
            <input
              type="checkbox"
              name={name}
              value={option.id}
              checked={chosen.includes(option.id)}
              onChange={() => onToggle(option.id)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldMessages messages={errors} />
    </fieldset>
  );
}
