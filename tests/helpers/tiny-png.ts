// A valid 1 × 1 PNG, for tests that need an image's bytes (a draft's chart, a zip's stored part)
// and not its picture.
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
