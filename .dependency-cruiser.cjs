// The layers of src/, written down as rules that dependency-cruiser enforces (tests/layers.test.ts
// runs it in `npm test`; the README's picture of the layers is drawn from this file by
// scripts/layers.ts). A folder of src/lib/ may import its own modules and the folders of the layers
// below it, never a folder of its own layer or above: content read at the bottom, view models on top.

/** src/lib's folders, bottom layer first. */
const LAYERS = [
  { folders: ['text'], role: 'chữ tiếng Việt, sắp xếp' },
  { folders: ['problems', 'fs'], role: 'một kiểu lỗi và danh mục quy tắc; ghi tệp nguyên tử' },
  { folders: ['content'], role: 'đọc tệp nội dung: bảng đường dẫn, thư mục, YAML, front matter, MDX' },
  { folders: ['edition'], role: 'tệp ấn bản' },
  { folders: ['site'], role: 'tên trang, địa chỉ mọi trang, CSP, tiêu đề HTTP, phân trang' },
  { folders: ['documents', 'search'], role: 'văn bản, lược đồ, lịch; tìm kiếm' },
  { folders: ['citations'], role: 'trích dẫn, chương trình' },
  { folders: ['indicators'], role: 'số liệu: đọc, kiểm tra, tổng hợp, định dạng, biểu đồ' },
  { folders: ['report-kit'], role: 'Word, Excel, nhập và kiểm tra biểu mẫu' },
  { folders: ['word-in'], role: 'nhập văn bản từ tệp Word' },
  { folders: ['views', 'gateway'], role: 'mô hình hiển thị của trang; cổng đọc content/' },
  { folders: ['prepare'], role: 'bộ tài liệu báo cáo làm sẵn trong luồng riêng khi dựng: việc của từng tệp' },
];

const layerRules = LAYERS.flatMap(({ folders }, index) => {
  const here = LAYERS.slice(index).flatMap((layer) => layer.folders);
  return folders.map((folder) => ({
    name: `lop-${folder}`,
    comment: `src/lib/${folder}/ imports only its own modules and the layers below it`,
    severity: 'error',
    from: { path: `^src/lib/${folder}/` },
    to: { path: `^src/lib/(${here.filter((f) => f !== folder).join('|')})/` },
  }));
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'khong-vong',
      comment: 'no module imports itself through others',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'lib-thuan',
      comment: 'src/lib is pure: no Astro, no pages, components, data or integrations',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: ['^src/(data|pages|components|layouts|integrations|plugins|scripts)/', '^astro(:|/|$)', '^node_modules/astro/'] },
    },
    {
      name: 'data-duoi-trang',
      comment: 'src/data/ feeds pages and components; it does not import them',
      severity: 'error',
      from: { path: '^src/data/' },
      to: { path: '^src/(pages|components|layouts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/(styles)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.json'] },
  },
};

// The layers themselves, for the README's picture (scripts/layers.ts); not enumerable, so that
// dependency-cruiser's own validation of this configuration does not see them.
Object.defineProperty(module.exports, 'LAYERS', { value: LAYERS, enumerable: false });
