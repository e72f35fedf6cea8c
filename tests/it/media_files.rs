//! Files for the media tests, made here (no third-party pictures): pictures drawn with
//! the `image` crate, a minimal PDF, and `multipart/form-data` bodies built byte by byte
//! (so hostile cases can send exactly what they want).

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

/// A JPEG of `width` × `height`: a field and a sun, with the given tint.
pub fn jpeg(width: u32, height: u32, tint: u8) -> Vec<u8> {
    let (cx, cy, r) = (width as i64 / 2, height as i64 / 3, (height / 5) as i64);
    let picture = RgbImage::from_fn(width, height, |x, y| {
        let (dx, dy) = (x as i64 - cx, y as i64 - cy);
        if dx * dx + dy * dy < r * r {
            Rgb([240, 200, tint])
        } else if y > height / 2 {
            Rgb([60, 120 + (x % 60) as u8, 50])
        } else {
            Rgb([150, 190, 230])
        }
    });
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 90).encode_image(&picture).expect("a JPEG");
    bytes
}

/// A small valid PDF.
pub fn pdf(text: &str) -> Vec<u8> {
    format!("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n").into_bytes()
}

/// A PNG header announcing `width` × `height` pixels, with valid checksums and no pixel.
pub fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    let idat = b"IDAT\x78\x9c\x03\x00\x00\x00\x00\x01";
    png.extend_from_slice(&((idat.len() - 4) as u32).to_be_bytes());
    png.extend_from_slice(idat);
    png.extend_from_slice(&crc32(idat).to_be_bytes());
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A `multipart/form-data` body: text fields, then the file part (when given) named
/// `file` with `file_name`. Returns the content type and the body.
pub fn multipart(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "maillage-test-boundary-7f3a";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\ncontent-disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    if let Some((file_name, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\ncontent-type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Uploads a file to `slug` through the API; returns the status and the JSON answer.
pub async fn upload(
    http: &reqwest::Client,
    base: &str,
    token: &str,
    slug: &str,
    fields: &[(&str, &str)],
    file: (&str, &[u8]),
) -> (u16, serde_json::Value) {
    let (content_type, body) = multipart(fields, Some(file));
    let response = http
        .post(format!("{base}/api/v1/items/{slug}/media"))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("upload request");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or_default())
}

/// GETs a file; returns its status, content type and bytes.
pub async fn download(http: &reqwest::Client, url: &str) -> (u16, String, Vec<u8>) {
    let response = http.get(url).send().await.expect("download request");
    let status = response.status().as_u16();
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    (status, content_type, response.bytes().await.map(|b| b.to_vec()).unwrap_or_default())
}
