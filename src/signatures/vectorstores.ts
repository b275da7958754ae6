/**
 * Vector stores as deployed containers (signatures doc §4): images and default ports.
 */
import { repositoryMatches } from './image-ref.js';

export interface VectorStoreSignature {
  readonly id: string;
  readonly name: string;
  readonly images: readonly string[];
  readonly ports: readonly number[];
  /** Ports nothing else commonly listens on (a listening port alone identifies the store). */
  readonly uniquePorts?: readonly number[];
  /**
   * General-purpose stores (Elasticsearch, OpenSearch) that count as a vector store only when
   * the surrounding configuration says so (`dense_vector`, `knn`, `embedding`, `vector`).
   */
  readonly needsVectorContext?: boolean;
}

export const VECTORSTORE_SIGNATURES: readonly VectorStoreSignature[] = [
  { id: 'qdrant', name: 'Qdrant', images: ['qdrant/qdrant'], ports: [6333, 6334], uniquePorts: [6333, 6334] },
  { id: 'weaviate', name: 'Weaviate', images: ['semitechnologies/weaviate', 'cr.weaviate.io/semitechnologies/weaviate'], ports: [8080, 50051] },
  { id: 'chroma', name: 'Chroma', images: ['chromadb/chroma', 'ghcr.io/chroma-core/chroma'], ports: [8000] },
  { id: 'milvus', name: 'Milvus', images: ['milvusdb/milvus'], ports: [19530, 9091], uniquePorts: [19530] },
  { id: 'pgvector', name: 'pgvector', images: ['pgvector/pgvector', 'ankane/pgvector'], ports: [5432] },
  { id: 'redis-stack', name: 'Redis Stack', images: ['redis/redis-stack', 'redis/redis-stack-server'], ports: [6379] },
  { id: 'pinecone-local', name: 'Pinecone Local', images: ['ghcr.io/pinecone-io/pinecone-local'], ports: [5080] },
  { id: 'vespa', name: 'Vespa', images: ['vespaengine/vespa'], ports: [8080, 19071] },
  { id: 'marqo', name: 'Marqo', images: ['marqoai/marqo'], ports: [8882] },
  { id: 'elasticsearch', name: 'Elasticsearch', images: ['elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch'], ports: [9200], needsVectorContext: true },
  { id: 'opensearch', name: 'OpenSearch', images: ['opensearchproject/opensearch'], ports: [9200], needsVectorContext: true },
];

/** The vector store an image repository belongs to. */
export function matchVectorStoreImage(repository: string): VectorStoreSignature | undefined {
  return VECTORSTORE_SIGNATURES.find((v) => repositoryMatches(repository, v.images));
}

/** Words that make a general search engine a vector store in its configuration. */
export const VECTOR_CONTEXT_WORDS: readonly string[] = ['dense_vector', 'knn', 'embedding', 'vector'];
