/** The compare view's controls: the dimension (city, fund, project) and the items to put side by side. */
import { MultiSelect, type MultiSelectOption } from '../../components/multi-select.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.ts';
import { COMPARE_DIMENSIONS, type CompareDimension } from '../../queries/compare-measures.ts';

export interface ComparePickerProps {
  dimension: CompareDimension;
  options: readonly MultiSelectOption[];
  selected: readonly string[];
  isDefault: boolean;
  outOfScope: number;
  onDimension: (dimension: CompareDimension) => void;
  onToggle: (label: string) => void;
  onReset: () => void;
}

export function ComparePicker({ dimension, options, selected, isDefault, outOfScope, onDimension, onToggle, onReset }: ComparePickerProps) {
  const { t } = useI18n();
  const hints = [
    isDefault && t('compare.defaultHint'),
    selected.length < 2 && options.length >= 2 && t('compare.pickMore'),
    outOfScope > 0 && t('compare.outOfScope', { count: outOfScope }),
  ].filter(Boolean);
  return (
    <div className="compare-picker card" data-testid="compare-picker">
      <div className="compare-dimension" role="group" aria-label={t('compare.dimension')}>
        <span className="compare-picker-label">{t('compare.dimension')}</span>
        {COMPARE_DIMENSIONS.map((value) => (
          <button key={value} type="button" className="compare-dimension-button" aria-pressed={value === dimension}
            data-dimension={value} onClick={() => onDimension(value)}>
            {t(`compare.dim.${value}` as MessageKey)}
          </button>
        ))}
      </div>
      <MultiSelect
        name="compare-items"
        label={t('compare.items')}
        options={options}
        selected={selected}
        allText={t('filter.all')}
        emptyText={t('filter.none')}
        selectedText={(count) => t('filter.selected', { count })}
        onToggle={onToggle}
      />
      {!isDefault && <button type="button" className="filter-clear" onClick={onReset}>{t('compare.reset')}</button>}
      {hints.length > 0 && <p className="compare-hint" role="status">{hints.join(' ')}</p>}
    </div>
  );
}
