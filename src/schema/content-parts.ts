// Content parts of a chat message: the union of what OpenAI, Bifrost, Morpheus, inTandem and Caesar document.

export interface TextPart {
  type: 'text';
  text: string;
}
export interface ImageURLPart {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high'; file_id?: string };
}
export interface InputAudioPart {
  type: 'input_audio';
  input_audio: { data: string; format?: string };
}
/**
 * A file. OpenAI-style parts carry `file_id` or `file_data`; Caesar's carries `fileData`, the UUID of
 * a file uploaded with `client.files.upload` (see `filePart`).
 */
export interface FilePart {
  type: 'file';
  file: {
    filename?: string;
    file_id?: string;
    file_data?: string;
    file_url?: string;
    file_type?: string;
    /** Caesar: the UUID of an uploaded file — never bytes, base64 or a URL. */
    fileData?: string;
  };
}
export interface VideoURLPart {
  type: 'video_url';
  video_url: { url: string };
}
export interface AudioURLPart {
  type: 'audio_url';
  audio_url: { url: string };
}
export interface RefusalPart {
  type: 'refusal';
  refusal: string;
}

export type ContentPart =
  | TextPart
  | ImageURLPart
  | InputAudioPart
  | FilePart
  | VideoURLPart
  | AudioURLPart
  | RefusalPart;
