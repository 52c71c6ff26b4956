// An unsigned signature field (/FT /Sig) on a page: pdf-lib reads such fields but has no call to
// create one, so the widget dictionary is built by hand and registered with the AcroForm.
import { type PDFDocument, type PDFPage, PDFString } from "pdf-lib";

export function addSignatureField(
  doc: PDFDocument,
  page: PDFPage,
  name: string,
  rect: { x: number; y: number; width: number; height: number },
): void {
  const form = doc.getForm();
  const widget = doc.context.obj({
    FT: "Sig",
    T: PDFString.of(name),
    Type: "Annot",
    Subtype: "Widget",
    Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    F: 4,
    P: page.ref,
  });
  const ref = doc.context.register(widget);
  page.node.addAnnot(ref);
  form.acroForm.addField(ref);
}
