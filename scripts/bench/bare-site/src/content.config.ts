import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { 'van-ban': defineCollection({ loader: glob({ base: './content/van-ban', pattern: '**/*.mdx' }) }) };
