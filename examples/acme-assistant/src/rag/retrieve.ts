import OpenAI from 'openai';
import { QdrantClient } from '@qdrant/js-client-rest';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const qdrant = new QdrantClient({ url: process.env.QDRANT_URL ?? 'http://127.0.0.1:6333' });

export const COLLECTION = 'help-centre';

export interface Passage {
  id: string;
  title: string;
  text: string;
  score: number;
}

/** Embed the question and fetch the closest help-centre passages. */
export async function retrieve(question: string, limit = 5): Promise<Passage[]> {
  const embedding = await openai.embeddings.create({
    model: 'text-embedding-3-small',
    input: question,
  });
  const vector = embedding.data[0]?.embedding ?? [];
  const hits = await qdrant.search(COLLECTION, { vector, limit, with_payload: true });
  return hits.map((h) => ({
    id: String(h.id),
    title: String(h.payload?.title ?? ''),
    text: String(h.payload?.text ?? ''),
    score: h.score,
  }));
}
