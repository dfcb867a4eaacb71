// Caesar's file store: uploaded files (normalised, since the docs spell them two ways) and
// collections (in Caesar's own snake_case, like the rest of its native research API).

/** A file stored by the vendor (Caesar), whatever spelling its upload response used. */
export interface UploadedFile {
  id: string;
  /** Unicode kept intact. */
  filename: string;
  contentType?: string;
  collectionId?: string;
  size?: number;
  /** ISO 8601, when the vendor says. */
  createdAt?: string;
}

/** A named group of uploaded files; pass its id as `collectionId` or in research `collection_ids`. */
export interface FileCollection {
  id: string;
  name: string;
  description?: string | null;
  created_at?: string;
  updated_at?: string;
  [key: string]: unknown;
}

export interface CollectionCreateParams {
  name: string;
  description?: string;
}

/** At least one of the fields; `description: null` clears it. */
export interface CollectionUpdateParams {
  name?: string;
  description?: string | null;
}
