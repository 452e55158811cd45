import { escapeLike, normalizeForSearch } from './persian-text';

describe('normalizeForSearch', () => {
  it('treats Arabic ي and ك as Persian ی and ک', () => {
    expect(normalizeForSearch('امكان برقراري')).toBe(normalizeForSearch('امکان برقراری'));
    expect(normalizeForSearch('امكان برقراري')).toBe('امکان برقراری');
  });

  it('ignores ZWNJ, tatweel and diacritics', () => {
    expect(normalizeForSearch('می\u200cخواهم')).toBe('میخواهم');
    expect(normalizeForSearch('شهــرداری')).toBe('شهرداری');
    expect(normalizeForSearch('مُدیریت')).toBe('مدیریت');
  });

  it('reads Persian and Arabic-Indic digits as ASCII digits', () => {
    expect(normalizeForSearch('منطقه ۱۲ و ٣')).toBe('منطقه 12 و 3');
  });

  it('lower-cases Latin text and collapses white space', () => {
    expect(normalizeForSearch('  Media\tRelations  ')).toBe('media relations');
  });
});

describe('escapeLike', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
