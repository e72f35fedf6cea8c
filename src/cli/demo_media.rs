//! Pictures and documents of the demo items, drawn and written by this code (no
//! third-party photos): a landscape of fields, a ring of steps, a market stall, and a
//! one-page PDF summary. Released under CC0-1.0 with the rest of the demo content.

use crate::operations::items::media::{prepare, Prepared, Upload};
use crate::operations::{Node, OperationError};
use image::codecs::png::PngEncoder;
use image::{ImageEncoder, Rgb, RgbImage};

const CREDIT: &str = "maillage (illustration de démonstration)";
const LICENSE: &str = "CC0-1.0";

/// What a demo picture shows.
#[derive(Clone, Copy)]
enum Scene {
    /// Fields under a sun, with a hue per territory.
    Fields(u8),
    /// Seven steps on a ring.
    Steps,
    /// Crates of vegetables on a stall.
    Market,
}

/// The files of a demo item, by slug: (scene or PDF, title, alternative text, cover).
fn files_of(slug: &str) -> Vec<Upload> {
    let picture = |scene: Scene, title: &str, alt: &str, cover: bool| Upload {
        bytes: draw(scene),
        file_name: Some(format!("{}.png", crate::content::slug::slugify(title))),
        title: title.to_owned(),
        license: Some(LICENSE.to_owned()),
        credit: Some(CREDIT.to_owned()),
        alt: Some(alt.to_owned()),
        cover,
    };
    let summary = |title: &str, lines: &[&str]| Upload {
        bytes: one_page_pdf(title, lines),
        file_name: Some(format!("{}.pdf", crate::content::slug::slugify(title))),
        title: title.to_owned(),
        license: Some(LICENSE.to_owned()),
        credit: Some(CREDIT.to_owned()),
        alt: None,
        cover: false,
    };
    match slug {
        "dynamo-ariege" => vec![
            picture(
                Scene::Fields(30),
                "Vallée agricole de l'Ariège",
                "Des champs en bandes colorées au pied de collines, sous un soleil jaune.",
                true,
            ),
            summary(
                "Synthèse DYNAMO",
                &[
                    "Démonstrateur territorial en Ariège",
                    "Alimentation, économie circulaire, coopération",
                    "Fiche de démonstration générée par maillage",
                ],
            ),
        ],
        "pays-aix-sud-luberon-ecosysteme-alimentaire" => vec![
            picture(
                Scene::Market,
                "Étal de producteurs",
                "Un étal de marché avec des cagettes de légumes rouges, verts et orange.",
                true,
            ),
            picture(
                Scene::Fields(90),
                "Plaine du Pays d'Aix",
                "Des parcelles cultivées en bandes sous un ciel clair.",
                false,
            ),
        ],
        "ecologie-economique-territoriale-7-etapes" => vec![picture(
            Scene::Steps,
            "Les sept étapes de la méthode",
            "Sept disques de couleur disposés en cercle, un par étape de la méthode.",
            true,
        )],
        "territoires-a-vivres" => vec![picture(
            Scene::Market,
            "Épicerie solidaire",
            "Des cagettes de légumes sur un étal, vues de face.",
            true,
        )],
        _ => Vec::new(),
    }
}

/// The demo files of `slug`, checked and re-encoded like any upload.
pub async fn prepared_files(node: &Node, slug: &str) -> Result<Vec<Prepared>, OperationError> {
    let mut prepared = Vec::new();
    for upload in files_of(slug) {
        prepared.push(prepare(node, upload).await?);
    }
    Ok(prepared)
}

fn draw(scene: Scene) -> Vec<u8> {
    let (width, height) = (1200u32, 800u32);
    let picture =
        RgbImage::from_fn(width, height, |x, y| pixel(scene, x as f32 / width as f32, y as f32 / height as f32));
    let mut bytes = Vec::new();
    PngEncoder::new(&mut bytes)
        .write_image(picture.as_raw(), width, height, image::ExtendedColorType::Rgb8)
        .expect("encoding a picture in memory cannot fail");
    bytes
}

/// The colour of the point (x, y) of a scene, both in 0..1.
fn pixel(scene: Scene, x: f32, y: f32) -> Rgb<u8> {
    let sky = Rgb([(150.0 + 60.0 * y) as u8, (195.0 + 30.0 * y) as u8, 235]);
    match scene {
        Scene::Fields(hue) => {
            let (dx, dy) = (x - 0.75, (y - 0.22) * 0.66);
            if dx * dx + dy * dy < 0.006 {
                return Rgb([250, 205, 60]);
            }
            let hill = 0.45 + 0.06 * (x * 9.0).sin() + 0.03 * (x * 23.0).cos();
            if y < hill {
                return sky;
            }
            let band = ((y - hill) * 18.0 + x * 3.0) as u32 % 4;
            let greens: [[u8; 3]; 4] = [[70, 140, 60], [110, 165, 70], [180, 170, 80], [90, 120, 50]];
            let g = greens[band as usize];
            Rgb([g[0].saturating_add(hue / 3), g[1], g[2].saturating_add(hue / 4)])
        }
        Scene::Steps => {
            let colours = [
                [214, 69, 65],
                [240, 150, 55],
                [245, 205, 70],
                [110, 180, 90],
                [60, 160, 170],
                [70, 110, 190],
                [140, 90, 170],
            ];
            for (i, c) in colours.iter().enumerate() {
                let angle = i as f32 / 7.0 * std::f32::consts::TAU - std::f32::consts::FRAC_PI_2;
                let (cx, cy) = (0.5 + 0.3 * angle.cos() / 1.5, 0.5 + 0.3 * angle.sin());
                let (dx, dy) = ((x - cx) * 1.5, y - cy);
                if dx * dx + dy * dy < 0.008 {
                    return Rgb(*c);
                }
            }
            let (dx, dy) = ((x - 0.5) * 1.5, y - 0.5);
            let ring = (dx * dx + dy * dy).sqrt();
            if (ring - 0.3).abs() < 0.006 {
                Rgb([120, 120, 120])
            } else {
                Rgb([248, 246, 240])
            }
        }
        Scene::Market => {
            if y < 0.35 {
                let stripe = (x * 12.0) as u32 % 2 == 0;
                return if stripe { Rgb([200, 60, 55]) } else { Rgb([245, 240, 230]) };
            }
            if y > 0.8 {
                return Rgb([120, 85, 55]);
            }
            let crate_index = (x * 4.0) as usize % 4;
            let produce = [[200, 50, 40], [90, 160, 60], [235, 140, 40], [150, 60, 120]][crate_index];
            let in_crate = (x * 4.0).fract() > 0.06 && (x * 4.0).fract() < 0.94 && y > 0.42 && y < 0.75;
            let bump = ((x * 60.0).sin() * (y * 40.0).sin()).abs() > 0.3;
            match (in_crate, bump) {
                (true, true) => Rgb(produce),
                (true, false) => Rgb([produce[0] / 2 + 40, produce[1] / 2 + 40, produce[2] / 2 + 30]),
                _ => Rgb([190, 150, 100]),
            }
        }
    }
}

/// A valid one-page PDF with a title and lines of text (Helvetica, WinAnsi encoding).
fn one_page_pdf(title: &str, lines: &[&str]) -> Vec<u8> {
    let text =
        |s: &str| -> String { deunicode::deunicode(s).replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)") };
    let mut content = format!("BT /F1 20 Tf 60 760 Td ({}) Tj ET\n", text(title));
    for (i, line) in lines.iter().enumerate() {
        content.push_str(&format!("BT /F1 12 Tf 60 {} Td ({}) Tj ET\n", 720 - 20 * i, text(line)));
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::media::sniff;

    #[test]
    fn the_demo_files_are_accepted_types_with_the_names_they_carry() {
        for slug in [
            "dynamo-ariege",
            "pays-aix-sud-luberon-ecosysteme-alimentaire",
            "ecologie-economique-territoriale-7-etapes",
        ] {
            for upload in files_of(slug) {
                let found = sniff(&upload.bytes, upload.file_name.as_deref()).expect("an accepted file");
                assert!(found == "image/png" || found == "application/pdf", "{found}");
                assert!(
                    upload.alt.is_some() || found == "application/pdf",
                    "every demo picture has an alternative text"
                );
            }
        }
    }
}
