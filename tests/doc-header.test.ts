import { describe, expect, test } from 'vitest';
import { docHeader } from '../src/lib/doc-header';

describe('the header block of a printed document', () => {
  test('a source without number or date leaves both blank and says so', () => {
    const h = docHeader({});
    expect(h.parentBody).toBe('TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM');
    expect(h.issuingBody).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG NAI');
    expect(h.motto).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc']);
    expect(h.numberLine).toBe('Số: ……');
    expect(h.placeDateLine).toBe('Đồng Nai, ngày …… tháng …… năm ……');
    expect(h.blanks).toEqual(['số, ký hiệu', 'ngày ban hành']);
  });

  test('number and date as the source gives them; day and months 1–2 with a leading zero', () => {
    expect(docHeader({ number: '12/KH-LĐLĐ', issueDate: '2021-01-05' })).toMatchObject({
      numberLine: 'Số: 12/KH-LĐLĐ', placeDateLine: 'Đồng Nai, ngày 05 tháng 01 năm 2021', blanks: [],
    });
    expect(docHeader({ issueDate: '2020-08-20' }).placeDateLine).toBe('Đồng Nai, ngày 20 tháng 8 năm 2020');
    expect(docHeader({ issueDate: '2020-08' }).placeDateLine).toBe('Đồng Nai, ngày …… tháng 8 năm 2020');
  });
});
