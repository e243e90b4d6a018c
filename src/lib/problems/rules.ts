// Every rule a check can report, by its permanent id: the id printed at the end of each message
// "(quy tắc: …)", which editors look up in the README and which must never change meaning (as
// Astro's errors-data.ts names each error once). The README's rule table is generated from this
// list and tests/problems.test.ts keeps the two equal, and fails when code uses an id that is not
// here or an id here is never produced by a test.

export interface RuleInfo {
  /** A short Vietnamese name. */
  title: string;
  /** When the rule refuses, in one line. */
  explanation: string;
  /** A message the rule gives (shortened with "…" where long), without its "(quy tắc: …)" ending. */
  example: string;
}

export const RULES = {
  // Files and folders, before anything is read.
  'khong-phai-tep': {
    title: 'Không phải tệp thường',
    explanation: 'một thư mục, đường ống (FIFO), socket hay thiết bị mang tên tệp nội dung hay dữ liệu (`2021.csv`, `x.yaml`, `x.mdx`)',
    example: 'content/so-lieu/2021.csv: là đường ống (FIFO), không phải tệp thường; hãy xoá hoặc đổi tên để trang không đọc nhầm',
  },
  'khong-phai-thu-muc': {
    title: 'Không phải thư mục',
    explanation: '`content/so-lieu` (hay thư mục nội dung khác) không phải thư mục',
    example: 'content/so-lieu: phải là thư mục nhưng là đường ống (FIFO), …',
  },
  'lien-ket-ngoai': {
    title: 'Liên kết ra ngoài content/',
    explanation: 'liên kết tượng trưng trỏ ra ngoài `content/`',
    example: 'content/so-lieu/x.csv: liên kết tượng trưng trỏ ra ngoài thư mục content/; …',
  },
  'lien-ket-hong': {
    title: 'Liên kết hỏng',
    explanation: 'liên kết tượng trưng trỏ tới tệp không tồn tại, hoặc vòng quanh',
    example: 'content/so-lieu/2021.csv: liên kết tượng trưng trỏ tới tệp không tồn tại; …',
  },
  'khong-doc-duoc': {
    title: 'Không đọc được',
    explanation: 'hệ thống không cho đọc tệp hay thư mục; biểu mẫu .xlsx hỏng hoặc không phải Excel',
    example: 'content/so-lieu/2019.csv: không đọc được: không có quyền đọc',
  },
  'tep-qua-lon': {
    title: 'Tệp quá lớn',
    explanation: 'tệp vượt giới hạn, kiểm tra trước khi đọc: CSV kết quả 10 MB, YAML dữ liệu 256 KB, tệp ấn bản 64 KB, MDX và khối front matter 2 MB, biểu mẫu 20 MB',
    example: 'content/so-lieu/2021.csv: tệp quá lớn (50 MB); giới hạn cho loại tệp này là 10 MB, …',
  },
  'tep-la': {
    title: 'Tệp lạ trong thư mục dữ liệu',
    explanation: 'tệp khác loại trong thư mục dữ liệu (ví dụ `.xlsx` trong `content/so-lieu/`)',
    example: 'content/so-lieu/2019.xlsx:1: tệp không thuộc loại được đọc ở thư mục này (chỉ .yaml hoặc .csv); xoá hoặc chuyển tệp đi để không bị bỏ sót',
  },
  'thieu-tep': {
    title: 'Thiếu tệp',
    explanation: 'không có tệp ấn bản `content/cau-hinh.yaml`',
    example: 'content/cau-hinh.yaml:1: (tệp): chưa có tệp ấn bản; chép từ một ấn bản mẫu và sửa theo tổ chức của mình',
  },
  'ten-tep': {
    title: 'Tên tệp (mã) không hợp lệ',
    explanation: 'tên tệp định nghĩa (mã chỉ tiêu, mã đơn vị) có chữ hoa, dấu hay ký tự khác chữ thường, chữ số, dấu gạch nối',
    example: 'content/don-vi/Bien_Hoa.yaml:1: tên tệp (mã) chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối — giá trị "Bien_Hoa"',
  },
  'nhap-do-dang': {
    title: 'Lần nhập dở dang',
    explanation: '(`check`, `check:data`, `build`) một lần nhập biểu mẫu bị ngắt khi đang ghi',
    example: 'content/so-lieu/.nhap-bieu-mau.dang-ghi:1: một lần nhập biểu mẫu bị ngắt khi đang ghi …; chạy "npm run import:form -- --hoan-tat" …',
  },
  'ma-hoa-utf8': {
    title: 'Không phải UTF-8',
    explanation: 'tệp không phải UTF-8 (bảng mã Windows, UTF-16 của "Unicode Text"); chỉ ra dòng có byte lạ',
    example: '2019.csv:100: tệp không phải UTF-8 (có thể đã lưu bằng bảng mã Windows): byte 0xFA ở ký tự thứ 22 của dòng; …',
  },

  // YAML: front matter, data definitions, the edition file.
  'front-matter': {
    title: 'Thiếu front matter',
    explanation: 'tệp MDX không mở đầu bằng khối front matter giữa hai dòng `---`',
    example: 'content/van-ban/x.mdx:1: (front matter): Tệp phải mở đầu bằng khối front matter giữa hai dòng ---',
  },
  yaml: {
    title: 'YAML sai cú pháp',
    explanation: 'YAML sai cú pháp (thụt lề, thiếu ngoặc đóng, Tab, bí danh không có neo)',
    example: 'content/van-ban/x.mdx:4:1: (YAML): YAML không hợp lệ: thụt lề không đúng: các trường cùng cấp phải thẳng cột',
  },
  'truong-la': {
    title: 'Trường lạ',
    explanation: 'trường không có trong lược đồ (thường do gõ sai tên, như `tieuDe` thay cho `title`)',
    example: 'content/van-ban/x.mdx:9: tieuDe: trường "tieuDe" không có trong mẫu (có thể gõ sai tên trường); sửa tên hoặc xoá trường này',
  },
  'truong-lap': {
    title: 'Trường viết hai lần',
    explanation: 'một trường viết hai lần trong cùng một khối',
    example: 'content/don-vi/a.yaml:3: a: trường "a" đã có ở trên; mỗi trường chỉ được viết một lần',
  },
  'ky-tu-dieu-khien': {
    title: 'Ký tự điều khiển',
    explanation: 'chữ hay ô có ký tự điều khiển (NUL, ESC, DEL, U+0080–U+009F …), thường do dán từ phần mềm khác; Tab và xuống dòng thì được',
    example: 'content/don-vi/bien-hoa.yaml:1: name: giá trị chứa ký tự điều khiển U+0000 (chỉ cho phép Tab và xuống dòng); … — giá trị "Liên đoàn Lao động thành phố Biên<U+0000> Hòa"',
  },
  'ky-tu-khong-hop-le': {
    title: 'Ký tự không hợp lệ',
    explanation: 'chữ hay ô có ký tự XML không chứa được (U+FFFE, U+FFFF, nửa cặp UTF-16), ký tự điều khiển hướng chữ (U+202A–U+202E, U+2066–U+2069) hay ký tự vô hình (U+200B …), thường do dán từ phần mềm khác',
    example: 'content/so-lieu/2019.csv:7:7 (cột ghi_chu): ô có ký tự điều khiển hướng chữ U+202E (RIGHT-TO-LEFT OVERRIDE), có thể làm chữ số hiện ngược thứ tự, ở ký tự thứ 4 …; hãy xoá ký tự này — giá trị "abc<U+202E>123"',
  },
  'gia-tri-qua-dai': {
    title: 'Giá trị quá dài',
    explanation: 'một giá trị hay tên trường YAML dài quá 10.000 ký tự',
    example: 'content/don-vi/bien-hoa.yaml:1: name: giá trị dài 1.000.008 ký tự, quá giới hạn 10.000 ký tự — giá trị "Biên Hòa Biên Hòa …"',
  },
  'yaml-bi-danh': {
    title: 'Bom bí danh',
    explanation: 'bí danh (`*tên`) mở rộng thành quá nhiều giá trị ("bom bí danh"), hay quá 100 bí danh',
    example: 'content/don-vi/bien-hoa.yaml:8: (YAML): bí danh (*tên) mở rộng thành quá nhiều giá trị (tệp kiểu "bom bí danh"); hãy viết thẳng giá trị thay vì dùng bí danh',
  },
  'yaml-qua-nhieu-truong': {
    title: 'Quá nhiều trường',
    explanation: 'hơn 10.000 trường và mục trong một tệp',
    example: 'content/chi-tieu/x.yaml:10001: tệp có quá nhiều trường và mục (hơn 10.000)',
  },
  'yaml-long-qua-sau': {
    title: 'Lồng quá sâu',
    explanation: 'danh sách hay bảng lồng nhau quá 32 cấp',
    example: 'content/so-lieu/bo-du-lieu.yaml:9: nested[0][0][0]…: cấu trúc lồng nhau quá sâu (hơn 32 cấp)',
  },
  'thieu-truong': {
    title: 'Thiếu trường',
    explanation: 'thiếu một trường bắt buộc',
    example: 'content/cau-hinh.yaml:4: organisation.reportRecipient: thiếu trường bắt buộc (cần chữ)',
  },
  'kieu-du-lieu': {
    title: 'Sai kiểu dữ liệu',
    explanation: 'giá trị sai kiểu (chữ thay cho số, danh sách thay cho chữ)',
    example: 'content/van-ban/ke-hoach-so-ket.mdx:8: order: phải là số (đang là chữ)',
  },
  'gia-tri-cho-phep': {
    title: 'Giá trị ngoài danh mục',
    explanation: 'giá trị không thuộc danh mục cho phép (loại văn bản, đơn vị tính, trạng thái bộ số liệu …)',
    example: 'content/chi-tieu/dem.yaml:5: unit: đơn vị tính "ho-gia-dinh" không có trong danh mục (doan-vien, cong-doan-co-so, …)',
  },
  'toi-thieu': {
    title: 'Dưới mức tối thiểu',
    explanation: 'chữ rỗng, danh sách rỗng hay số nhỏ hơn mức tối thiểu của trường',
    example: 'content/van-ban/ke-hoach-so-ket.mdx:2: title: không được để trống',
  },
  'toi-da': {
    title: 'Vượt mức tối đa',
    explanation: 'chữ quá dài, danh sách quá nhiều mục hay số lớn hơn mức tối đa của trường',
    example: 'content/chuong-trinh/07-ctr-ldld-2018.mdx:9: period.to: phải nhỏ hơn hoặc bằng 2100',
  },
  'dinh-dang': {
    title: 'Sai định dạng',
    explanation: 'giá trị không đúng dạng (ngày không viết YYYY-MM-DD, địa chỉ trang không phải http(s) hay có đường dẫn, mã không phải slug)',
    example: 'content/so-lieu/nop-bao-cao.yaml:11: received[4].date: ngày phải có dạng YYYY-MM-DD (ví dụ 2021-01-28)',
  },
  'ngay-co-that': {
    title: 'Ngày không có thật',
    explanation: 'ngày không tồn tại (30/2, tháng 13)',
    example: 'content/van-ban/ke-hoach-so-ket.mdx:61: schedule[4].end: Ngày không hợp lệ: "2021-02-30": ngày 30 không tồn tại trong tháng 2/2021 (tháng có 28 ngày)',
  },

  // Documents and programmes (content/van-ban, content/chuong-trinh).
  'cu-phap-mdx': {
    title: 'Cú pháp MDX',
    explanation: 'thân MDX sai cú pháp: `{` không đóng, thẻ chưa đóng hay không khớp, dòng `import` hỏng',
    example: 'content/van-ban/x.mdx:36:382: (nội dung MDX): thẻ <b> chưa được đóng: cần </b> trong cùng đoạn văn — đoạn "…"',
  },
  'start-chi-voi-during': {
    title: '"start" chỉ với "during"',
    explanation: 'mục `schedule` có `start` nhưng `kind` không phải `during`',
    example: 'content/van-ban/ke-hoach-so-ket.mdx:63: schedule[4].start: "start" chỉ dùng với kind "during" (đang là "before")',
  },
  'bat-dau-truoc-ket-thuc': {
    title: 'Bắt đầu sau kết thúc',
    explanation: 'mục `schedule` có `start` sau `end`',
    example: 'content/van-ban/x.mdx:40: schedule[2].start: Ngày bắt đầu 2020-12 sau ngày kết thúc 2020-10',
  },
  'sortas-can-ghi-chu': {
    title: '"sortAs" cần ghi chú',
    explanation: 'mục `schedule` có `sortAs` (sửa ngày in nhầm) mà không có `editorNote` giải thích',
    example: 'content/van-ban/x.mdx:38: schedule[1].editorNote: Có "sortAs" thì phải có "editorNote" giải thích vì sao',
  },
  'id-duy-nhat': {
    title: 'Mã mục lịch trùng',
    explanation: 'hai mục `schedule` của một văn bản có cùng `id`',
    example: 'content/van-ban/x.mdx:44: schedule[3].id: id "gui-bao-cao" bị trùng',
  },
  'neo-lich': {
    title: 'Mốc lịch trỏ tới neo không có',
    explanation: '`anchor` của một mục `schedule` không phải id của một tiêu đề hay của `<Anchor id="…"/>` trong văn bản',
    example: 'content/van-ban/ke-hoach-so-ket.mdx:34: schedule[0].anchor: mốc "ban-hanh-ke-hoach" trỏ tới neo "khong-co" không có trong văn bản (cần id của một tiêu đề hoặc của <Anchor id="…"/>, như "i-muc-dich-yeu-cau")',
  },
  'lien-ket-noi-bo': {
    title: 'Liên kết tới văn bản không có',
    explanation: 'liên kết viết tay tới `/van-ban/…` hay `/chuong-trinh/…` mà không có tệp tương ứng trong `content/`',
    example: 'content/van-ban/ke-hoach-so-ket.mdx:173:5: liên kết trỏ tới văn bản không có trên trang (cần một tệp trong content/van-ban/) — giá trị "/van-ban/khong-co/"',
  },
  'khoang-dong-hop-le': {
    title: 'Khoảng dòng nguồn',
    explanation: '`source.fromLine` lớn hơn `source.toLine`',
    example: 'content/van-ban/ke-hoach-so-ket.mdx:25: source.fromLine: fromLine phải nhỏ hơn hoặc bằng toLine',
  },
  'ngay-ban-hanh-du': {
    title: 'Ngày ban hành đủ',
    explanation: 'chương trình không có ngày ban hành đủ ngày/tháng/năm',
    example: 'content/chuong-trinh/x.mdx:6: issueDate: Chương trình phải có ngày ban hành đủ ngày/tháng/năm',
  },
  'nguyen-van-thieu-cau': {
    title: 'Thiếu câu của văn bản gốc',
    explanation: '(kiểm thử) một câu của `content/nguon/van-ban-goc.txt` không có trên trang đã dựng, hoặc sai thứ tự',
    example: 'content/nguon/van-ban-goc.txt:12: câu không có trên trang (hoặc sai thứ tự): «…»',
  },
  'nguyen-van-thua-chu': {
    title: 'Chữ không có trong văn bản gốc',
    explanation: '(kiểm thử) trang đã dựng có chữ mà văn bản gốc không có (ngoài ghi chú biên tập)',
    example: 'content/nguon/van-ban-goc.txt:15: trang có chữ không có trong văn bản gốc: «…»',
  },

  // Indicator and unit definitions, dataset metadata, receipts.
  'chuong-trinh-khong-co': {
    title: 'Chương trình không có',
    explanation: 'chỉ tiêu gắn với một chương trình không có trong `content/chuong-trinh/`',
    example: 'content/chi-tieu/dem.yaml:6: programmes[1]: chương trình "99-ctr-ldld-2018" không có trong content/chuong-trinh/',
  },
  'ty-le-phan-tram': {
    title: 'Tỷ lệ tính bằng phần trăm',
    explanation: 'chỉ tiêu tỷ lệ (`rate`) có đơn vị tính khác `phan-tram`',
    example: 'content/chi-tieu/ty-le.yaml:5: unit: chỉ tiêu tỷ lệ phải có đơn vị tính phan-tram',
  },
  'ty-le-tu-mau': {
    title: 'Tỷ lệ cần tử số, mẫu số',
    explanation: 'chỉ tiêu tỷ lệ không nêu tử số hoặc mẫu số',
    example: 'content/chi-tieu/ty-le.yaml:1: numerator: chỉ tiêu tỷ lệ phải nêu tử số',
  },
  'muc-tieu-ty-le': {
    title: 'Mục tiêu tỷ lệ',
    explanation: 'mục tiêu của chỉ tiêu tỷ lệ ngoài 0–100 hoặc quá hai chữ số thập phân',
    example: 'content/chi-tieu/ty-le.yaml:9: termTarget: mục tiêu tỷ lệ phải từ 0 đến 100, tối đa hai chữ số thập phân',
  },
  'dem-khong-phan-tram': {
    title: 'Chỉ tiêu đếm không dùng phần trăm',
    explanation: 'chỉ tiêu đếm (`count`) có đơn vị tính `phan-tram`',
    example: 'content/chi-tieu/dem.yaml:5: unit: chỉ tiêu đếm không dùng đơn vị tính phan-tram',
  },
  'muc-tieu-so-nguyen': {
    title: 'Mục tiêu là số nguyên',
    explanation: 'mục tiêu của chỉ tiêu đếm không phải số nguyên',
    example: 'content/chi-tieu/dem.yaml:7: termTarget: mục tiêu của chỉ tiêu đếm phải là số nguyên',
  },
  'nhiem-ky': {
    title: 'Nhiệm kỳ',
    explanation: 'năm đầu nhiệm kỳ lớn hơn năm cuối trong `bo-du-lieu.yaml`; nhiệm kỳ của tệp ấn bản dài quá 10 năm',
    example: 'content/so-lieu/bo-du-lieu.yaml:5: term: năm đầu nhiệm kỳ phải nhỏ hơn hoặc bằng năm cuối',
  },
  'don-vi-trung': {
    title: 'Đơn vị ghi hai lần',
    explanation: 'một đơn vị ghi hai ngày nhận trong `nop-bao-cao.yaml`',
    example: 'content/so-lieu/nop-bao-cao.yaml:8: received[3].unit: đơn vị "a" đã ghi ở mục thứ 1; mỗi đơn vị ghi một ngày nhận',
  },
  'ngay-truoc-ke-hoach': {
    title: 'Ngày trước Kế hoạch',
    explanation: 'ngày nhận báo cáo trước khi có Kế hoạch (tháng 8/2020)',
    example: 'content/so-lieu/nop-bao-cao.yaml:9: received[3].date: ngày 01/12/2019 trước khi có Kế hoạch (01/08/2020); hãy kiểm tra lại năm, tháng',
  },
  'ke-hoach-khong-co-han': {
    title: 'Kế hoạch không có hạn',
    explanation: 'có `nop-bao-cao.yaml` nhưng lịch của Kế hoạch không còn mục `gui-bao-cao`',
    example: 'content/so-lieu/nop-bao-cao.yaml:1: không tìm thấy hạn gửi báo cáo (mục "gui-bao-cao") …',
  },

  // Results files (content/so-lieu/*.csv) and the forms' cells.
  'tieu-de': {
    title: 'Dòng tiêu đề',
    explanation: 'dòng tiêu đề của tệp kết quả sai tên, thiếu cột hoặc lẫn cả `,` và `;`; dòng tiêu đề của biểu mẫu bị sửa',
    example: '2019.csv:1:4 (cột gia_tri): dòng tiêu đề phải đúng 7 cột theo thứ tự …; cột 4 không đúng (cần "gia_tri")',
  },
  csv: {
    title: 'CSV hỏng',
    explanation: 'cấu trúc CSV hỏng: ngoặc kép không đóng, ngoặc kép giữa ô, chữ sau ngoặc kép đóng',
    example: '2019.csv:13:7 (cột ghi_chu): không đọc được tệp CSV: dấu ngoặc kép nằm giữa ô; …',
  },
  'so-cot': {
    title: 'Số ô',
    explanation: 'dòng không đủ hoặc thừa ô',
    example: '2019.csv:2: dòng có 6 ô, cần đúng 7 ô (…)',
  },
  'o-trong': {
    title: 'Ô trống',
    explanation: 'ô bắt buộc để trống; biểu mẫu chưa ghi tên đơn vị ở ô C3',
    example: '2019.csv:2:4 (cột gia_tri): ô không được để trống',
  },
  'don-vi-khong-co': {
    title: 'Đơn vị không có',
    explanation: 'mã hay tên đơn vị không có trong `content/don-vi/` (tệp kết quả, `nop-bao-cao.yaml`, biểu mẫu)',
    example: '2019.csv:2:1 (cột don_vi): đơn vị không có trong content/don-vi/ …',
  },
  'chi-tieu-khong-co': {
    title: 'Chỉ tiêu không có',
    explanation: 'mã chỉ tiêu không có trong `content/chi-tieu/`',
    example: '2019.csv:2:3 (cột chi_tieu): chỉ tiêu không có trong content/chi-tieu/ …',
  },
  'nam-khong-hop-le': {
    title: 'Năm không hợp lệ',
    explanation: 'năm không phải 4 chữ số hay mã nhiệm kỳ trước',
    example: '2019.csv:2:2 (cột nam): năm phải có 4 chữ số hoặc là "nk-truoc" …',
  },
  'nam-ngoai-nhiem-ky': {
    title: 'Năm ngoài nhiệm kỳ',
    explanation: 'năm ngoài nhiệm kỳ của bộ số liệu; năm đánh giá hay tháng cuối (`until`) của tệp ấn bản ngoài nhiệm kỳ',
    example: '2024.csv:2:2 (cột nam): năm nằm ngoài nhiệm kỳ 2023 – 2028 — giá trị "2022"',
  },
  'khoang-nam': {
    title: 'Khoảng năm ngược',
    explanation: 'năm cuối trước năm đầu (năm đánh giá của tệp ấn bản), hay tháng cuối của thời gian đánh giá trước năm đầu',
    example: 'content/cau-hinh.yaml:20: review.evaluation.years.to: năm cuối phải lớn hơn hoặc bằng năm đầu',
  },
  'danh-muc-trong': {
    title: 'Danh mục trống',
    explanation: 'một danh mục của tệp ấn bản (loại đơn vị, đơn vị tính, nhóm chỉ tiêu, cấp chương trình) không có mục nào',
    example: 'content/cau-hinh.yaml:25: vocabularies.unitTypes: danh mục loại đơn vị báo cáo (trường `type` của `content/don-vi/`, `appliesTo.types` của lịch) phải có ít nhất một mục',
  },
  'ma-pham-vi-trung': {
    title: 'Mã phạm vi trùng',
    explanation: '`organisation.scope.slug` của tệp ấn bản trùng mã một đơn vị hay tên một tệp khác của trang: dự thảo và biểu mẫu chung sẽ thay mất của đơn vị',
    example: 'content/cau-hinh.yaml:10: organisation.scope.slug: mã phạm vi "bien-hoa" trùng mã đơn vị content/don-vi/bien-hoa.yaml: …; hãy chọn mã khác …',
  },
  'nhiem-ky-an-ban': {
    title: 'Nhiệm kỳ khác ấn bản',
    explanation: '`term` của `bo-du-lieu.yaml` khác `congress.term` của tệp ấn bản',
    example: 'content/so-lieu/bo-du-lieu.yaml:7: term: nhiệm kỳ 2023 – 2028 khác nhiệm kỳ của ấn bản (congress.term trong content/cau-hinh.yaml: 2023 – 2027)',
  },
  'khong-phai-so': {
    title: 'Không phải số',
    explanation: 'ô số chứa chữ',
    example: '2019.csv:2:4 (cột gia_tri): không phải là số nguyên — giá trị "mười hai"',
  },
  'so-khong-am': {
    title: 'Số âm',
    explanation: 'số âm',
    example: '2019.csv:5:4 (cột gia_tri): số âm không hợp lệ: số liệu phải lớn hơn hoặc bằng 0 — giá trị "-312"',
  },
  'cong-thuc': {
    title: 'Công thức',
    explanation: 'công thức (`=…`) hay ký tự đầu dòng `+`, `@` trong ô số',
    example: '2019.csv:2:4 (cột gia_tri): ô chứa công thức … — giá trị "=10+2"',
  },
  'dau-phan-cach-hang-nghin': {
    title: 'Dấu phân cách hàng nghìn',
    explanation: 'số viết `1.234`, `1 234`',
    example: '2019.csv:2:4 (cột gia_tri): số có dấu phân cách hàng nghìn; …',
  },
  'so-nguyen': {
    title: 'Số nguyên',
    explanation: 'số thập phân (`12,5`, `12.5`)',
    example: '2019.csv:2:4 (cột gia_tri): số liệu phải là số nguyên, …',
  },
  'khong-ghi-phan-tram': {
    title: 'Không ghi phần trăm',
    explanation: 'tỷ lệ viết `70%`',
    example: '2019.csv:2:5 (cột tu_so): không ghi tỷ lệ phần trăm; …',
  },
  'so-qua-lon': {
    title: 'Số quá lớn',
    explanation: 'số vượt quá số nguyên chính xác (2^53)',
    example: '2019.csv:2:4 (cột gia_tri): số quá lớn',
  },
  'dem-khong-tu-mau': {
    title: 'Chỉ tiêu đếm không có tử số, mẫu số',
    explanation: 'chỉ tiêu đếm có tử số, mẫu số (trong tệp kết quả hay trong định nghĩa)',
    example: '2019.csv:2:5 (cột tu_so): chỉ tiêu đếm chỉ ghi gia_tri; …',
  },
  'ty-le-khong-gia-tri': {
    title: 'Chỉ tiêu tỷ lệ không có gia_tri',
    explanation: 'chỉ tiêu tỷ lệ có `gia_tri`',
    example: '2019.csv:2:4 (cột gia_tri): chỉ tiêu tỷ lệ ghi tu_so và mau_so; …',
  },
  'mau-so-duong': {
    title: 'Mẫu số dương',
    explanation: 'mẫu số 0',
    example: '2019.csv:2:6 (cột mau_so): mẫu số phải lớn hơn 0 — giá trị "0"',
  },
  'tu-so-vuot-mau-so': {
    title: 'Tử số vượt mẫu số',
    explanation: 'tử số lớn hơn mẫu số',
    example: '2019.csv:2:5 (cột tu_so): tử số lớn hơn mẫu số (10) — giá trị "11"',
  },
  'trung-dong': {
    title: 'Dòng trùng',
    explanation: 'cùng đơn vị, năm, chỉ tiêu ghi hai lần (kể cả ở hai tệp)',
    example: '2020.csv:4: cùng đơn vị, năm và chỉ tiêu đã có ở 2019.csv dòng 2',
  },
  'o-qua-dai': {
    title: 'Ô quá dài',
    explanation: 'ô dài quá 2.000 ký tự',
    example: '2019.csv:5:7 (cột ghi_chu): ô dài 1.000.000 ký tự, quá giới hạn 2.000 ký tự của một ô; … — giá trị "xxx…" (dài 1.000.000 ký tự)',
  },
  'qua-nhieu-dong': {
    title: 'Quá nhiều dòng',
    explanation: 'tệp kết quả có quá 100.000 dòng số liệu',
    example: '2021.csv:100002: tệp có hơn 100.000 dòng số liệu …',
  },

  // Forms (npm run import:form, /kiem-tra-bieu-mau/).
  'loai-tep': {
    title: 'Loại tệp biểu mẫu',
    explanation: 'biểu mẫu không phải .xlsx hay .csv',
    example: 'bao-cao.docx › tệp: chỉ nhập được tệp .xlsx hoặc .csv',
  },
  'khong-phai-bieu-mau': {
    title: 'Không phải biểu mẫu',
    explanation: 'tệp .xlsx không có trang "Biểu mẫu"',
    example: 'x.xlsx › tệp: không có trang "Biểu mẫu": đây không phải biểu mẫu của trang sơ kết',
  },
  'bo-cuc': {
    title: 'Bố cục biểu mẫu',
    explanation: 'bố cục trang "Biểu mẫu" bị đổi (dòng tiêu đề không ở chỗ của nó)',
    example: 'x.xlsx › trang "Biểu mẫu", ô A8: không nhận ra bố cục của biểu mẫu; cần biểu mẫu hiện hành (dòng tiêu đề ở dòng 8, …) hoặc biểu mẫu phát hành trước (…). Hãy tải lại biểu mẫu từ trang của đơn vị — giá trị "…"',
  },
  'don-vi-khong-khop': {
    title: 'Đơn vị bị đổi',
    explanation: 'ô đơn vị bị đổi sang đơn vị khác với đơn vị được phát biểu mẫu',
    example: 'x.xlsx › trang "Biểu mẫu", ô C3: biểu mẫu này được tải về cho "Liên đoàn Lao động huyện Long Thành" nhưng ô đơn vị đã bị đổi; …',
  },
  'don-vi-khac': {
    title: 'Biểu mẫu của đơn vị khác',
    explanation: '(trang kiểm tra biểu mẫu) biểu mẫu của một đơn vị khác đơn vị đã chọn',
    example: 'a.xlsx › trang "Biểu mẫu", ô C3: biểu mẫu này là của "Liên đoàn Lao động huyện Long Thành", không phải của đơn vị đã chọn "Liên đoàn Lao động thành phố Biên Hòa"; hãy chọn đúng tệp biểu mẫu của đơn vị mình (hoặc đổi đơn vị đã chọn) — giá trị "Liên đoàn Lao động huyện Long Thành"',
  },
  'dau-van-tay': {
    title: 'Mã kiểm tra bị sửa',
    explanation: 'trang ẩn "Mã kiểm tra" bị sửa',
    example: 'x.xlsx › trang ẩn "Mã kiểm tra": phần kiểm tra ẩn của biểu mẫu đã bị sửa, …',
  },
  'zip-qua-lon': {
    title: 'Tệp nén quá lớn',
    explanation: 'một phần của tệp .xlsx bung ra quá lớn, gấp quá nhiều lần cỡ nén hay nhiều hơn cỡ ghi trong mục lục (quả bom nén), tệp có quá nhiều phần, hoặc vùng biểu mẫu của các trang chiếm quá nhiều dữ liệu; phần lớn bị từ chối theo các con số, trước khi giải nén',
    example: 'x.xlsx › phần "xl/media/anh.bin": phần "xl/media/anh.bin" của tệp nén bung ra 1.200 MB, quá giới hạn 256 MB cho một phần (quả bom nén?)',
  },
  'dinh-dang-khac': {
    title: 'Tệp định dạng khác',
    explanation: 'tệp mang đuôi .xlsx hay .csv nhưng là định dạng khác: bảng tính .ods, .xls, văn bản .docx, .xlsx đổi tên thành .csv, CSV đổi tên thành .xlsx',
    example: 'x.xlsx › tệp: tệp mang đuôi .xlsx nhưng là bảng tính OpenDocument (.ods, của LibreOffice hay OpenOffice); hãy mở bằng Excel hay LibreOffice và lưu lại dạng Excel Workbook (.xlsx) …',
  },
  'ngoai-vung-bieu-mau': {
    title: 'Nội dung ngoài vùng biểu mẫu',
    explanation: 'ô có số, chữ hay công thức ở ngoài vùng của biểu mẫu (dưới khối chữ ký hay bên phải cột Mã chỉ tiêu), không biết thuộc chỉ tiêu nào',
    example: 'x.xlsx › trang "Biểu mẫu", ô E5000: ô nằm ngoài vùng của biểu mẫu (40 dòng đầu, cột A–R) nhưng có nội dung; … — giá trị "120"',
  },
  'trang-khac-co-so-lieu': {
    title: 'Số liệu ở trang khác',
    explanation: 'một trang khác của tệp (như bản chép "Biểu mẫu (2)") có số liệu cho chỉ tiêu của biểu mẫu; chỉ trang "Biểu mẫu" được nhập, nên số ở trang kia sẽ bị bỏ qua',
    example: 'x.xlsx › trang "Biểu mẫu (2)", ô E10: trang "Biểu mẫu (2)" có số liệu cho chỉ tiêu phat-trien-doan-vien (ô R10), nhưng chỉ trang "Biểu mẫu" được nhập; … — giá trị "1200"',
  },
  'o-so-sai-chuan': {
    title: 'Ô số sai chuẩn',
    explanation: 'ô kiểu số của tệp .xlsx chứa thứ không phải số theo chuẩn OOXML (xsd:double): "1,234", "85,5", "12abc", "0x10", INF (vô hạn); thường do phần mềm khác ghi tệp',
    example: 'x.xlsx › trang "Biểu mẫu", ô E10: ô kiểu số nhưng chứa số viết có dấu phẩy, không theo chuẩn của tệp Excel; … — giá trị "1,234"',
  },
  'o-dung-sai': {
    title: 'Ô Đúng/Sai',
    explanation: 'ô số liệu chứa giá trị Đúng/Sai (TRUE/FALSE) của Excel thay cho số',
    example: 'x.xlsx › trang "Biểu mẫu", ô E10: ô số liệu chứa giá trị Đúng/Sai (TRUE/FALSE), không phải số; hãy ghi số nguyên — giá trị "TRUE"',
  },
  'o-loi-excel': {
    title: 'Ô báo lỗi của Excel',
    explanation: 'ô số liệu chứa lỗi của Excel (#DIV/0!, #REF!, #N/A …), thường do công thức tính hỏng',
    example: 'x.xlsx › trang "Biểu mẫu", ô E10: ô số liệu chứa lỗi của Excel (công thức tính hỏng: #DIV/0!, #REF!, #N/A …); … — giá trị "#DIV/0!"',
  },
  'o-gop': {
    title: 'Ô gộp',
    explanation: 'ô trong vùng số liệu bị gộp (Merge)',
    example: 'x.xlsx › trang "Biểu mẫu", ô I9:J9: các ô trong vùng số liệu bị gộp (Merge); …',
  },
  'chi-tieu-trung-dong': {
    title: 'Chỉ tiêu ghi hai dòng',
    explanation: 'một chỉ tiêu ghi hai dòng trong biểu mẫu',
    example: 'x.xlsx › trang "Biểu mẫu", ô A16: chỉ tiêu đã có ở dòng 7; mỗi chỉ tiêu chỉ ghi một dòng …',
  },
  'ma-khong-khop-ten': {
    title: 'Mã không khớp tên',
    explanation: 'mã chỉ tiêu không khớp tên chỉ tiêu (đổi chỗ mã)',
    example: 'x.xlsx › trang "Biểu mẫu", ô B7: tên chỉ tiêu không khớp với mã … (cần "…")',
  },
  'ngay-trong-o-so': {
    title: 'Ngày trong ô số',
    explanation: 'ô số liệu là ngày tháng (Excel lưu 01/05/2019 thành 43586)',
    example: 'x.xlsx › trang "Biểu mẫu", ô G7: ô số liệu chứa ngày tháng …; hãy ghi số nguyên … — giá trị "01/05/2019"',
  },
  'dong-trung': {
    title: 'Năm và chỉ tiêu ghi hai lần',
    explanation: 'biểu mẫu CSV ghi một năm của một chỉ tiêu hai lần',
    example: 'x.csv › dòng 38: năm và chỉ tiêu này đã có ở dòng 2; …',
  },
  'bieu-mau-trong': {
    title: 'Biểu mẫu trống',
    explanation: 'biểu mẫu không có số nào',
    example: 'x.csv › tệp: biểu mẫu chưa có số liệu nào; không có gì để nhập',
  },
  'nhieu-don-vi': {
    title: 'Nhiều đơn vị',
    explanation: 'biểu mẫu CSV chứa số liệu của hai đơn vị',
    example: 'x.csv › tệp: một biểu mẫu chỉ được chứa số liệu của một đơn vị — giá trị "bien-hoa, cam-my"',
  },
  // ——— Word import (`npm run import:van-ban`, issue 30): kept together so the block can move as one. ———
  'van-ban-dinh-dang-khac': {
    title: 'Không phải tệp .docx',
    explanation: '(`import:van-ban`) tệp không phải văn bản Word .docx: Word 97–2003 (.doc), OpenDocument (.odt), PDF, RTF, bảng tính hay tệp khác',
    example: 'cong-van.doc: tệp là Word 97–2003 (.doc), định dạng cũ không nhập được; hãy mở bằng Word (hoặc LibreOffice Writer) và lưu lại dạng Word Document (.docx) rồi nhập tệp đó',
  },
  'van-ban-mat-khau': {
    title: 'Văn bản đặt mật khẩu',
    explanation: '(`import:van-ban`) tệp Word được đặt mật khẩu (mã hoá), không đọc được nội dung',
    example: 'ke-hoach.docx: tệp được đặt mật khẩu (mã hoá), không đọc được nội dung; hãy mở bằng Word, bỏ mật khẩu … rồi lưu lại',
  },
  'van-ban-sua-doi': {
    title: 'Sửa đổi chưa chấp nhận',
    explanation: '(`import:van-ban`) văn bản còn sửa đổi đang theo dõi (Track Changes) chưa chấp nhận, trừ khi chạy với `--chap-nhan-sua-doi`',
    example: 'ke-hoach.docx: văn bản còn 2 chỗ sửa đổi chưa chấp nhận (Track Changes: 1 chỗ thêm, 1 chỗ xoá, 0 chỗ chuyển); hãy mở bằng Word, Xem lại › Chấp nhận tất cả thay đổi rồi lưu, hoặc chạy lại với --chap-nhan-sua-doi …',
  },
  'van-ban-da-co': {
    title: 'Văn bản đã có',
    explanation: '(`import:van-ban`) đã có văn bản cùng mã trong `content/van-ban/`, và lệnh không được cho `--ghi-de`',
    example: 'ke-hoach.docx: đã có văn bản content/van-ban/ke-hoach-so-ket.mdx cùng mã "ke-hoach-so-ket"; chạy lại với --ghi-de để thay văn bản đó, hoặc với --ma <mã khác> …',
  },
  'van-ban-chua-xep': {
    title: 'Phần chưa xếp được',
    explanation: '(`import:van-ban`) không nhận ra loại văn bản (từ chối); hoặc một dòng của khối tiêu đề, khối chữ ký, một ảnh hay nhận xét không xếp được vào front matter hay thân văn bản (báo trong kết quả, không từ chối)',
    example: 'x.docx: không nhận ra loại văn bản: không có dòng tên loại (KẾ HOẠCH, HƯỚNG DẪN, …) dưới khối tiêu đề, cũng không có dòng "V/v" của công văn; …',
  },
  'van-ban-thieu-nguon': {
    title: 'Thiếu tệp nguồn',
    explanation: 'văn bản nhập từ Word ghi `source.file` là một tệp `content/nguon/…` không có, nên không đối chiếu nguyên văn được',
    example: 'content/van-ban/x.mdx:1: source.file: không có tệp nguồn content/nguon/x.txt để đối chiếu nguyên văn; nhập lại văn bản từ tệp Word …',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** Markdown cells are one line; a `|` would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The README's table of every rule, in catalogue order. */
export function rulesTable(): string {
  return [
    '| Quy tắc | Tên | Từ chối khi | Ví dụ thông báo |',
    '| --- | --- | --- | --- |',
    ...Object.entries(RULES).map(([id, r]: [string, RuleInfo]) => `| \`${id}\` | ${cell(r.title)} | ${cell(r.explanation)} | \`${cell(r.example)}\` |`),
  ].join('\n');
}
