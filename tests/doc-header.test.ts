import { describe, expect, test } from 'vitest';
import { docHeader as header } from '../src/lib/documents/doc-header';
import { loadEdition } from '../src/lib/edition/load';

const { organisation } = loadEdition();
const docHeader = (doc: Parameters<typeof header>[0]) => header(doc, organisation);

describe('the header block of a printed document', () => {
  test('a source without number or date leaves both blank and says so', () => {
    const h = docHeader({});
    expect(h.parentBody).toBe('TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM');
    expect(h.issuingBody).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG NAI');
    // A narrow column breaks the name before its place, never inside it.
    expect(h.issuingBodyLine).toEqual({ head: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH ', tail: 'ĐỒNG NAI' });
    expect(h.parentBodyLine).toEqual({ head: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG ', tail: 'VIỆT NAM' });
    expect(h.motto).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc']);
    expect(h.numberLine).toBe('Số: ……');
    expect(h.placeDateLine).toBe('Đồng Nai, ngày …… tháng …… năm ……');
    expect(h.blanks).toEqual(['số, ký hiệu', 'ngày ban hành']);
  });

  test('a place of several words is kept whole; without a known place, the last two words are', async () => {
    const { keepPlaceTogether } = await import('../src/lib/documents/doc-header');
    expect(keepPlaceTogether('LIÊN ĐOÀN LAO ĐỘNG TỈNH BÀ RỊA - VŨNG TÀU', 'Bà Rịa - Vũng Tàu')).toEqual({ head: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH ', tail: 'BÀ RỊA - VŨNG TÀU' });
    expect(keepPlaceTogether('CÔNG ĐOÀN NGÀNH GIÁO DỤC')).toEqual({ head: 'CÔNG ĐOÀN NGÀNH ', tail: 'GIÁO DỤC' });
    expect(keepPlaceTogether('CÔNG ĐOÀN')).toEqual({ head: '', tail: 'CÔNG ĐOÀN' });
  });

  test('the bodies and the place are the edition\'s, whatever it names', () => {
    const h = header({ issueDate: '2024-03-15' }, { parentBody: 'Liên đoàn Lao động tỉnh Bình Phước', name: 'Công đoàn Giáo dục tỉnh Bình Phước', place: 'Bình Phước' });
    expect(h.parentBody).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC');
    expect(h.issuingBody).toBe('CÔNG ĐOÀN GIÁO DỤC TỈNH BÌNH PHƯỚC');
    expect(h.placeDateLine).toBe('Bình Phước, ngày 15 tháng 3 năm 2024');
  });

  test('number and date as the source gives them; day and months 1–2 with a leading zero', () => {
    expect(docHeader({ number: '12/KH-LĐLĐ', issueDate: '2021-01-05' })).toMatchObject({
      numberLine: 'Số: 12/KH-LĐLĐ', placeDateLine: 'Đồng Nai, ngày 05 tháng 01 năm 2021', blanks: [],
    });
    expect(docHeader({ issueDate: '2020-08-20' }).placeDateLine).toBe('Đồng Nai, ngày 20 tháng 8 năm 2020');
    expect(docHeader({ issueDate: '2020-08' }).placeDateLine).toBe('Đồng Nai, ngày …… tháng 8 năm 2020');
  });
});

test('a document imported from Word that prints no national motto has none; one without a parent body has an empty one', () => {
  expect(header({ header: { motto: false } }, organisation).motto).toBeNull();
  expect(header({ header: { motto: true } }, organisation).motto).not.toBeNull();
  expect(header({}, { ...organisation, parentBody: '' }).parentBody).toBe('');
});
