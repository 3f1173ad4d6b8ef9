import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { makeI18n } from './i18n';
import { countryChoices, countryName, languageName, taxonomyLabel, taxonomyList } from './names';
import { CountriesPicker, CountrySelect, ZoneSelect } from './pickers';
import { renderInApp } from './testing/render';

function Markets({ initial }: { initial: string[] }) {
  const [values, setValues] = useState(initial);
  return (
    <>
      <label htmlFor="markets">Markets</label>
      <CountriesPicker id="markets" values={values} onChange={setValues} />
      <output>{values.join(' ')}</output>
    </>
  );
}

describe('names', () => {
  it('names countries and languages in the UI’s language, Hong Kong shortly', () => {
    expect(countryName('HK', 'en')).toBe('Hong Kong');
    expect(countryName('HK', 'zh-Hant')).toBe('香港');
    expect(countryName('CA', 'zh-Hant')).toBe('加拿大');
    expect(languageName('zh', 'en')).toBe('Chinese');
    expect(languageName('en', 'zh-Hant')).toBe('英文');
  });

  it('offers every country the API takes, sorted by name', () => {
    const choices = countryChoices('en');
    expect(choices.length).toBeGreaterThan(240);
    expect(choices.find((choice) => choice.code === 'FI')?.name).toBe('Finland');
    const names = choices.map((choice) => choice.name);
    expect(names.indexOf('Canada')).toBeLessThan(names.indexOf('Finland'));
  });

  it('labels sectors and partnership kinds in both languages, not by their codes', () => {
    expect(taxonomyLabel('smart-cards-payments', makeI18n('en').t)).toBe(
      'Smart cards and payments',
    );
    expect(taxonomyLabel('smart-cards-payments', makeI18n('zh-Hant').t)).toBe('智能卡及支付');
    expect(taxonomyLabel('space-mining', makeI18n('en').t)).toBe('space-mining');
    expect(taxonomyList(['Fintech', 'Software'], 'en')).toBe('Fintech, Software');
    expect(taxonomyList(['金融科技', '軟件'], 'zh-Hant')).toBe('金融科技、軟件');
  });
});

describe('pickers', () => {
  it('chooses a country by its name in the UI’s language, sending its code', () => {
    let chosen = '';
    renderInApp(
      <>
        <label htmlFor="country">國家</label>
        <CountrySelect id="country" value="" onChange={(code) => (chosen = code)} />
      </>,
      { language: 'zh-Hant' },
    );
    const select = screen.getByLabelText('國家');
    expect(screen.getByRole('option', { name: '香港' })).toBeTruthy();
    expect(screen.getByRole('option', { name: '請選擇…' })).toBeTruthy();
    fireEvent.change(select, { target: { value: 'HK' } });
    expect(chosen).toBe('HK');
  });

  it('adds and removes target markets by name, never as typed codes', () => {
    renderInApp(<Markets initial={['CA']} />);
    expect(screen.getByText('Canada')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Markets'), { target: { value: 'HK' } });
    expect(screen.getByRole('status').textContent).toBe('CA HK');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Canada' }));
    expect(screen.getByRole('status').textContent).toBe('HK');
    // A chosen one is not offered twice.
    expect(screen.queryByRole('option', { name: 'Hong Kong' })).toBeNull();
  });

  it('names time zones in the UI’s language with their offset', () => {
    renderInApp(
      <>
        <label htmlFor="zone">Zone</label>
        <ZoneSelect id="zone" value="Asia/Hong_Kong" onChange={() => undefined} />
      </>,
    );
    const select = screen.getByLabelText<HTMLSelectElement>('Zone');
    expect(select.value).toBe('Asia/Hong_Kong');
    expect(select.selectedOptions[0].textContent).toMatch(/^Asia\/Hong Kong — .+\(GMT\+8\)$/);
  });
});
