//! Pictures are never served as uploaded: their dimensions are read from the header and
//! checked before anything is decoded (decompression bombs), then they are decoded with
//! allocation limits, turned upright (EXIF orientation), and re-encoded without any
//! metadata (EXIF, GPS, comments) as two variants: a large one for pages and a thumbnail
//! for cards. A picture with transparency stays PNG; anything else becomes JPEG. Pure:
//! bytes in, bytes out.

use super::media::{Damage, MediaRefusal};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// The longest side of the large variant, in pixels.
pub const LARGE_SIDE: u32 = 1600;
/// The longest side of the thumbnail, in pixels.
pub const THUMBNAIL_SIDE: u32 = 480;
const JPEG_QUALITY: u8 = 85;

/// How large a picture may be before it is decoded.
#[derive(Debug, Clone, Copy)]
pub struct PixelLimits {
    pub max_side: u32,
    pub max_pixels: u64,
}

/// A re-encoded picture.
#[derive(Debug, Clone)]
pub struct EncodedImage {
    pub bytes: Vec<u8>,
    pub media_type: &'static str,
    pub width: u32,
    pub height: u32,
}

/// The two variants made from an uploaded picture.
#[derive(Debug, Clone)]
pub struct ImageVariants {
    pub large: EncodedImage,
    pub thumbnail: EncodedImage,
}

fn format_of(media_type: &str) -> Option<ImageFormat> {
    match media_type {
        "image/jpeg" => Some(ImageFormat::Jpeg),
        "image/png" => Some(ImageFormat::Png),
        "image/webp" => Some(ImageFormat::WebP),
        _ => None,
    }
}

/// Reads a picture's dimensions from its header only, and checks them.
pub fn check_dimensions(bytes: &[u8], media_type: &str, limits: PixelLimits) -> Result<(u32, u32), MediaRefusal> {
    let format = format_of(media_type).ok_or_else(|| MediaRefusal::Unsupported(media_type.to_owned()))?;
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|e| MediaRefusal::Corrupt(Damage::ImageHeader(e.to_string())))?;
    if width == 0 || height == 0 {
        return Err(MediaRefusal::Corrupt(Damage::NoPixel));
    }
    if width > limits.max_side || height > limits.max_side || u64::from(width) * u64::from(height) > limits.max_pixels {
        return Err(MediaRefusal::TooManyPixels {
            width,
            height,
            max_side: limits.max_side,
            max_megapixels: limits.max_pixels / 1_000_000,
        });
    }
    Ok((width, height))
}

/// Checks, decodes and re-encodes a picture whose type was sniffed as `media_type`.
pub fn make_variants(bytes: &[u8], media_type: &str, limits: PixelLimits) -> Result<ImageVariants, MediaRefusal> {
    check_dimensions(bytes, media_type, limits)?;
    let format = format_of(media_type).ok_or_else(|| MediaRefusal::Unsupported(media_type.to_owned()))?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut decode_limits = Limits::default();
    decode_limits.max_image_width = Some(limits.max_side);
    decode_limits.max_image_height = Some(limits.max_side);
    // Four bytes per pixel, twice (decoding and orientation), plus headroom.
    decode_limits.max_alloc = Some(limits.max_pixels.saturating_mul(10).max(64 << 20));
    reader.limits(decode_limits);
    let corrupt = |e: image::ImageError| MediaRefusal::Corrupt(Damage::Image(e.to_string()));
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    picture.apply_orientation(orientation);
    let large = fit(&picture, LARGE_SIDE);
    let thumbnail = fit(&large, THUMBNAIL_SIDE);
    Ok(ImageVariants { large: encode(&large)?, thumbnail: encode(&thumbnail)? })
}

/// The picture scaled down (never up) to fit in a `side` × `side` square, by area
/// averaging: integer arithmetic row by row, so it needs no full-size float buffer.
fn fit(picture: &DynamicImage, side: u32) -> DynamicImage {
    if picture.width() <= side && picture.height() <= side {
        return picture.clone();
    }
    picture.thumbnail(side, side)
}

fn encode(picture: &DynamicImage) -> Result<EncodedImage, MediaRefusal> {
    let failed = |e: image::ImageError| MediaRefusal::Corrupt(Damage::Reencoding(e.to_string()));
    let mut bytes = Vec::new();
    let media_type = if picture.color().has_alpha() {
        picture.to_rgba8().write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).map_err(failed)?;
        "image/png"
    } else {
        JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY).encode_image(&picture.to_rgb8()).map_err(failed)?;
        "image/jpeg"
    };
    Ok(EncodedImage { bytes, media_type, width: picture.width(), height: picture.height() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    const LIMITS: PixelLimits = PixelLimits { max_side: 12_000, max_pixels: 40_000_000 };

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let picture = RgbImage::from_fn(width, height, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut bytes = Vec::new();
        JpegEncoder::new_with_quality(&mut bytes, 90).encode_image(&picture).expect("encodes");
        bytes
    }

    #[test]
    fn a_large_photo_becomes_a_page_variant_and_a_thumbnail_without_metadata() {
        let mut photo = jpeg(2400, 1800);
        // An APP1 (EXIF) segment right after SOI, as cameras write it.
        let exif = b"\xFF\xE1\x00\x16Exif\x00\x00GPS-48.85-2.35\x00\x00";
        photo.splice(2..2, exif.iter().copied());
        let variants = make_variants(&photo, "image/jpeg", LIMITS).expect("a valid photo");
        assert_eq!((variants.large.width, variants.large.height), (1600, 1200));
        assert_eq!((variants.thumbnail.width, variants.thumbnail.height), (480, 360));
        assert_eq!(variants.large.media_type, "image/jpeg");
        let contains = |bytes: &[u8], what: &[u8]| bytes.windows(what.len()).any(|w| w == what);
        assert!(contains(&photo, b"GPS-48.85"), "the fixture carries the metadata");
        assert!(!contains(&variants.large.bytes, b"Exif") && !contains(&variants.large.bytes, b"GPS-48.85"));
    }

    #[test]
    fn a_small_transparent_picture_stays_its_size_and_png() {
        let logo = RgbaImage::from_fn(200, 100, |x, _| Rgba([10, 120, 60, (x % 256) as u8]));
        let mut bytes = Vec::new();
        logo.write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).expect("encodes");
        let variants = make_variants(&bytes, "image/png", LIMITS).expect("valid");
        assert_eq!((variants.large.width, variants.large.height, variants.large.media_type), (200, 100, "image/png"));
    }

    #[test]
    fn a_picture_too_large_is_refused_from_its_header_before_decoding() {
        let small_limits = PixelLimits { max_side: 300, max_pixels: 50_000 };
        let refused = make_variants(&jpeg(400, 200), "image/jpeg", small_limits).expect_err("too wide");
        assert_eq!(refused.code(), "media_too_many_pixels");
        let refused = make_variants(&jpeg(250, 250), "image/jpeg", small_limits).expect_err("too many pixels");
        assert_eq!(refused.code(), "media_too_many_pixels");
        let truncated = &jpeg(64, 64)[..40];
        assert_eq!(
            make_variants(truncated, "image/jpeg", LIMITS).map(|_| ()).map_err(|e| e.code()),
            Err("media_corrupt")
        );
    }
}
