// Draws each indicator chart when its figure comes into view (or before printing). Chart.js is
// loaded only then, from a separate chunk, and only on pages that have charts.
const figures = [...document.querySelectorAll<HTMLElement>('figure[data-chart]')];

async function draw(figure: HTMLElement) {
  if (figure.dataset.drawing) return;
  figure.dataset.drawing = 'true';
  const { renderChart } = await import('./chart-render');
  renderChart(figure);
}

if (figures.length > 0) {
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          void draw(entry.target as HTMLElement);
        }
      },
      { rootMargin: '200px 0px' },
    );
    figures.forEach((figure) => observer.observe(figure));
  } else {
    figures.forEach((figure) => void draw(figure));
  }
  window.addEventListener('beforeprint', () => figures.forEach((figure) => void draw(figure)));
}
