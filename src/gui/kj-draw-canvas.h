/* kj-draw-canvas.h — a square the user draws in, to classify the drawing
 *
 * White ink on black by default, as in MNIST and Fashion-MNIST.  Draw with
 * the mouse, a finger or a pen (its pressure sets the stroke's width);
 * Delete or Escape clears, Ctrl+Z undoes the last stroke (or the clear).
 * The widget's actions "canvas.clear" and "canvas.undo" do the same and are
 * enabled only when they would change something.
 *
 * Strokes are kept in units of the drawing's side (0..1, x right, y down),
 * so kj_draw_canvas_get_pixbuf() renders them sharply at any size.  The
 * drawing is the largest square centred in the widget's allocation: give
 * the widget halign/valign CENTER (or put it in a GtkAspectFrame) to keep
 * the whole widget square.
 *
 * Properties: "empty" and "can-undo" (read-only booleans, notified when they
 * change), "brush-size" (a double, the stroke width at full pressure as a
 * fraction of the side: 0.01..0.5, default 0.08, about 2 pixels at 28×28),
 * "inverted" (black ink on white when TRUE).
 *
 * A stroke keeps the brush size it began with: changing it affects later
 * strokes.  "inverted" recolours the whole drawing.
 *
 * Signal "changed" (no arguments): the drawing changed.  While a stroke is
 * drawn it comes at most once per frame; it comes at once when a stroke
 * ends, on clear, on undo and when "inverted" changes. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KJ_TYPE_DRAW_CANVAS (kj_draw_canvas_get_type())
G_DECLARE_FINAL_TYPE(KjDrawCanvas, kj_draw_canvas, KJ, DRAW_CANVAS, GtkWidget)

#define KJ_DRAW_CANVAS_MAX_PIXBUF_SIZE 4096

GtkWidget *kj_draw_canvas_new(void);

gboolean kj_draw_canvas_is_empty(KjDrawCanvas *self);
gboolean kj_draw_canvas_can_undo(KjDrawCanvas *self);

/* Removes every stroke; kj_draw_canvas_undo() right after brings them back. */
void kj_draw_canvas_clear(KjDrawCanvas *self);
/* Removes the last stroke (ending it, when it is still being drawn), or
 * undoes a clear. */
void kj_draw_canvas_undo(KjDrawCanvas *self);

/* The strokes, as the gestures draw them: x and y in units of the side
 * (0..1; outside is clipped), pressure 0..1 (1 for a mouse or a finger).
 * begin while a stroke is open ends that one first; extend and end without
 * an open stroke do nothing (a clear or undo may have closed it). */
void kj_draw_canvas_begin_stroke(KjDrawCanvas *self, double x, double y, double pressure);
void kj_draw_canvas_extend_stroke(KjDrawCanvas *self, double x, double y, double pressure);
void kj_draw_canvas_end_stroke(KjDrawCanvas *self);

/* The drawing rendered at size×size (1..KJ_DRAW_CANVAS_MAX_PIXBUF_SIZE),
 * anti-aliased, as a new opaque RGB pixbuf: ready for
 * kj_lab_engine_classify_pixbuf(). */
GdkPixbuf *kj_draw_canvas_get_pixbuf(KjDrawCanvas *self, int size);

double kj_draw_canvas_get_brush_size(KjDrawCanvas *self);
void kj_draw_canvas_set_brush_size(KjDrawCanvas *self, double brush_size);
gboolean kj_draw_canvas_get_inverted(KjDrawCanvas *self);
void kj_draw_canvas_set_inverted(KjDrawCanvas *self, gboolean inverted);

G_END_DECLS
