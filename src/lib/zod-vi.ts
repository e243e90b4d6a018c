// zod with Vietnamese messages: the people who read validation errors are the office's editors.
import { z } from 'zod';

z.config(z.locales.vi());

export { z };
