// Human labels for the providers' wire field names. Presentation only: which
// fields exist, their types, allowed values, ranges and defaults all come from
// the library (`describe`, `fieldOptions`); this file only says what to call
// them on screen. A field missing here is labelled from its own name.
export const LABELS = {
  prompt: 'Prompt',
  model: 'Model',
  mode: 'Mode',
  type: 'Type',
  quality_tier: 'Quality tier',
  channel: 'Channel',
  duration: 'Duration',
  resolution: 'Resolution',
  aspect_ratio: 'Aspect ratio',
  aspectRatio: 'Aspect ratio',
  image_size: 'Aspect ratio',
  generate_audio: 'Audio',
  generateAudio: 'Audio',
  fixed_lens: 'Fixed lens',
  fixedLens: 'Fixed lens',
  images: 'Images',
  image_urls: 'Images',
  imageUrls: 'Images',
  image: 'Image',
  image_url: 'Start image',
  end_image_url: 'End image',
  media_urls: 'Media',
  reference_video_urls: 'Reference videos',
  reference_audio_urls: 'Reference audio',
  callback_url: 'Callback URL',
  public: 'Public',
  batchCount: 'Batch count',
  output_format: 'Output format',
  seed: 'Seed',
};

/** The label of a wire field name. */
export function labelFor(name) {
  if (Object.hasOwn(LABELS, name)) return LABELS[name];
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Fields that choose which rules apply to the others (the model, mode, type,
 * channel): the form shows them first. Presentation order only.
 */
export const LEADING_FIELDS = ['model', 'mode', 'type', 'quality_tier', 'channel', 'prompt'];
