//! Large text columns — an item's JSON document and its rendered body — stored
//! compressed (zstd). A coordination node holds a million documents of about 12 KB:
//! packed, they take a quarter of the pages, so an item is read in one or two pages and
//! the working set of a big node stays in memory.
//!
//! Rows written before packing hold plain text; reads take both, and
//! [`super::items::pack_plain_texts`] packs them in the background.

use sqlx::error::BoxDynError;
use sqlx::sqlite::{SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Sqlite, Type};

/// zstd's default level: about 4× on item documents, tens of microseconds each way.
const LEVEL: i32 = 3;

/// The first bytes of a zstd frame; plain text (JSON, HTML) never starts with them.
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xB5, 0x2F, 0xFD];

/// The stored form of a text.
pub fn pack(text: &str) -> Vec<u8> {
    COMPRESSOR.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = zstd::bulk::Compressor::new(LEVEL).ok();
        }
        let packed = match cell.as_mut() {
            Some(compressor) => compressor.compress(text.as_bytes()),
            None => zstd::bulk::compress(text.as_bytes(), LEVEL),
        };
        packed.expect("compressing a byte slice in memory cannot fail")
    })
}

/// The largest text a frame may claim to hold; a frame that claims more is read as a
/// stream, never trusted for an allocation.
const MAX_DECLARED_BYTES: u64 = 64 << 20;

thread_local! {
    /// One compression context per thread, reused: creating one per write (its match
    /// tables, zeroed on every creation) cost several times the compression itself.
    static COMPRESSOR: std::cell::RefCell<Option<zstd::bulk::Compressor<'static>>> =
        const { std::cell::RefCell::new(None) };
    /// One decompression context per thread, reused: creating one per read (its tables,
    /// about 100 KB of allocations) cost more than decompressing a document.
    static DECOMPRESSOR: std::cell::RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        const { std::cell::RefCell::new(None) };
}

/// A stored text, packed or plain, as text.
pub fn unpack(stored: &[u8]) -> Result<String, BoxDynError> {
    if stored.starts_with(&ZSTD_MAGIC) {
        Ok(String::from_utf8(decompress(stored)?)?)
    } else {
        Ok(std::str::from_utf8(stored)?.to_owned())
    }
}

fn decompress(frame: &[u8]) -> std::io::Result<Vec<u8>> {
    let declared = zstd::zstd_safe::get_frame_content_size(frame).ok().flatten().filter(|n| *n <= MAX_DECLARED_BYTES);
    let Some(capacity) = declared else {
        return zstd::stream::decode_all(frame);
    };
    DECOMPRESSOR.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = Some(zstd::bulk::Decompressor::new()?);
        }
        match cell.as_mut() {
            Some(decompressor) => decompressor.decompress(frame, capacity as usize),
            None => zstd::stream::decode_all(frame),
        }
    })
}

/// A column read through [`unpack`]: `#[sqlx(try_from = "PackedText")]` on a `String` field.
#[derive(Debug)]
pub struct PackedText(String);

impl From<PackedText> for String {
    fn from(text: PackedText) -> String {
        text.0
    }
}

impl Type<Sqlite> for PackedText {
    fn type_info() -> SqliteTypeInfo {
        <Vec<u8> as Type<Sqlite>>::type_info()
    }

    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <Vec<u8> as Type<Sqlite>>::compatible(ty) || <String as Type<Sqlite>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Sqlite> for PackedText {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(PackedText(unpack(<&[u8] as Decode<Sqlite>>::decode(value)?)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_text_unpacks_to_itself_and_is_smaller() {
        let document = r#"{"title":"Compostage partagé","steps":["Réunir","Broyer","Composter"]}"#.repeat(40);
        let packed = pack(&document);
        assert!(packed.len() * 4 < document.len(), "{} bytes packed from {}", packed.len(), document.len());
        assert_eq!(unpack(&packed).expect("unpacked"), document);
    }

    #[test]
    fn plain_text_from_before_packing_reads_as_it_is() {
        assert_eq!(unpack("{\"a\":\"é\"}".as_bytes()).expect("read"), "{\"a\":\"é\"}");
    }

    #[test]
    fn bytes_that_are_neither_give_an_error() {
        assert!(unpack(&[0xff, 0xfe, 0x00]).is_err(), "not UTF-8");
        assert!(unpack(&[0x28, 0xB5, 0x2F, 0xFD, 0x00]).is_err(), "a truncated frame");
    }
}
