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
