import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { QdrantClient } from '@qdrant/js-client-rest';
import OpenAI from 'openai';
import { COLLECTION } from './retrieve.js';

const openai = new OpenAI();
const qdrant = new QdrantClient({ url: process.env.QDRANT_URL ?? 'http://127.0.0.1:6333' });

/** Load the help-centre articles from data/help-centre/*.md into the vector store. */
async function main(): Promise<void> {
  const dir = join(import.meta.dirname, '../../data/help-centre');
  await qdrant.createCollection(COLLECTION, { vectors: { size: 1536, distance: 'Cosine' } }).catch(() => undefined);
  let id = 0;
  for (const file of await readdir(dir)) {
    const text = await readFile(join(dir, file), 'utf8');
    const title = text.split('\n')[0]?.replace(/^#\s*/, '') ?? file;
    const { data } = await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
    await qdrant.upsert(COLLECTION, { points: [{ id: ++id, vector: data[0]?.embedding ?? [], payload: { title, text } }] });
  }
  console.log(`ingested ${id} articles`);
}

await main();
