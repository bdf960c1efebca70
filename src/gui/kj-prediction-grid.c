#include "config.h"

#include "kj-prediction-grid.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kj-prediction-item.h"

/* Logical pixels: 28 × 28 images at 3× stay crisp. */
#define IMAGE_SIZE        84
#define DETAIL_IMAGE_SIZE 112

struct _KjPredictionGrid {
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack *stack;
  AdwStatusPage *status_page;
  GtkGridView *grid_view;

  /* owned */
  GListStore *store; /* KjPredictionItem: all predictions, in order */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  KjDataset *images;
  guint images_generation; /* changes with images: textures made before are stale */
  char **class_names;      /* the dataset's n_classes */
  guint n_classes;
  GPtrArray *bound;   /* GtkListItem whose cell shows an item, borrowed */
  GtkWidget *popover; /* the details, our child */
  KjPredictionItem *details_item;
  guint n_shown;

  gboolean mistakes_only;
  gboolean has_cell;
  guint cell_true;
  guint cell_predicted;
};

G_DEFINE_FINAL_TYPE(KjPredictionGrid, kj_prediction_grid, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_MISTAKES_ONLY, PROP_N_ITEMS, PROP_N_SHOWN, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* The parts of one cell, kept on its box. */
typedef struct {
  GtkListItem *list_item;
  GtkWidget *image;
  GtkWidget *badge;
  GtkWidget *name;
  GtkWidget *confidence;
  GtkWidget *truth;
  /* what the image shows, to keep it across epochs */
  gboolean has_texture;
  guint generation;
  guint32 index;
  int scale;
  char *description; /* the accessible label set last */
} Cell;

static void
cell_free(gpointer data)
{
  Cell *cell = data;

  g_free(cell->description);
  g_free(cell);
}

static const char *
class_name(KjPredictionGrid *self, guint label)
{
  return label < self->n_classes ? self->class_names[label] : "?";
}

/* "87%" in a cell; "87.3%" in the details.  Never "0%" for a class that
 * has some probability. */
static char *
format_percent(float probability, guint decimals)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  double percent = CLAMP(probability, 0.0f, 1.0f) * 100.0;
  double smallest = decimals == 0 ? 1.0 : 0.1;

  if (percent > 0.0 && percent < smallest)
    return g_strdup(decimals == 0 ? "<1%" : "<0.1%");
  g_ascii_formatd(number, sizeof number, decimals == 0 ? "%.0f" : "%.1f", percent);
  return g_strconcat(number, "%", NULL);
}

static char *
describe_item(KjPredictionGrid *self, KjPredictionItem *item)
{
  g_autofree char *confidence = format_percent(kj_prediction_item_get_confidence(item), 0);

  /* Translators: an image's number in the dataset, the predicted class, the
   * confidence ("87%") and the true class */
  return g_strdup_printf(_("Image %u: predicted %s (%s), true label %s"),
                         kj_prediction_item_get_image_index(item),
                         class_name(self, kj_prediction_item_get_predicted_label(item)), confidence,
                         class_name(self, kj_prediction_item_get_true_label(item)));
}

/* ---- filters and the empty state ---- */

static gboolean
filter_item(gpointer object, gpointer data)
{
  KjPredictionGrid *self = data;
  KjPredictionItem *item = object;

  if (self->mistakes_only && !kj_prediction_item_is_mistake(item))
    return FALSE;
  return !self->has_cell || (kj_prediction_item_get_true_label(item) == self->cell_true &&
                             kj_prediction_item_get_predicted_label(item) == self->cell_predicted);
}

static void
update_state(KjPredictionGrid *self)
{
  guint n_items = g_list_model_get_n_items(G_LIST_MODEL(self->store));
  g_autofree char *description = NULL;

  if (self->n_shown > 0) {
    gtk_stack_set_visible_child_name(self->stack, "grid");
    return;
  }
  if (n_items == 0) {
    adw_status_page_set_title(self->status_page, _("No Predictions Yet"));
    description = g_strdup(_("After each epoch of training, the validation images appear here "
                             "with the model’s predictions."));
  } else if (self->has_cell) {
    adw_status_page_set_title(self->status_page, _("No Images in This Cell"));
    if (self->mistakes_only && self->cell_true == self->cell_predicted)
      description = g_strdup(_("Images predicted correctly are not mistakes."));
    else
      /* Translators: the true class, then the predicted class */
      description = g_strdup_printf(_("No validation image of %s was predicted as %s."),
                                    class_name(self, self->cell_true),
                                    class_name(self, self->cell_predicted));
  } else {
    adw_status_page_set_title(self->status_page, _("No Mistakes"));
    description = g_strdup(_("Every validation image was predicted correctly."));
  }
  adw_status_page_set_description(self->status_page, description);
  gtk_stack_set_visible_child_name(self->stack, "empty");
}

static void
on_filtered_changed(GListModel *model, guint position, guint removed, guint added,
                    KjPredictionGrid *self)
{
  guint n_shown = g_list_model_get_n_items(model);

  if (n_shown != self->n_shown) {
    self->n_shown = n_shown;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_N_SHOWN]);
  }
  update_state(self);
}

static void
refilter(KjPredictionGrid *self, GtkFilterChange change)
{
  gtk_filter_changed(GTK_FILTER(self->filter), change);
  /* A new filter is a new list: start at its top.  Through the list's own
   * action: setting the adjustment before the grid is laid out again makes
   * GTK 4.8 warn that it cannot scroll there. */
  if (self->n_shown > 0)
    gtk_widget_activate_action(GTK_WIDGET(self->grid_view), "list.scroll-to-item", "u", 0);
  update_state(self);
}

/* ---- cells ---- */

static gboolean
on_query_cell_tooltip(GtkWidget *box, int x, int y, gboolean keyboard_mode, GtkTooltip *tooltip,
                      KjPredictionGrid *self)
{
  Cell *cell = g_object_get_data(G_OBJECT(box), "kj-cell");
  KjPredictionItem *item = gtk_list_item_get_item(cell->list_item);
  g_autofree char *description = NULL;

  if (item == NULL)
    return FALSE;
  description = describe_item(self, item);
  gtk_tooltip_set_text(tooltip, description);
  return TRUE;
}

static void
on_setup_cell(GtkSignalListItemFactory *factory, GtkListItem *list_item, KjPredictionGrid *self)
{
  GtkWidget *box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *frame = gtk_overlay_new();
  Cell *cell = g_new0(Cell, 1);

  gtk_widget_add_css_class(box, "kj-prediction-cell");
  gtk_widget_add_css_class(frame, "kj-prediction-image");
  /* The frame's rounded corners clip the image. */
  gtk_widget_set_overflow(frame, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_halign(frame, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_bottom(frame, 4);

  cell->image = gtk_image_new();
  gtk_image_set_pixel_size(GTK_IMAGE(cell->image), IMAGE_SIZE);
  gtk_overlay_set_child(GTK_OVERLAY(frame), cell->image);

  cell->badge = gtk_image_new_from_icon_name("window-close-symbolic");
  gtk_widget_set_halign(cell->badge, GTK_ALIGN_END);
  gtk_widget_set_valign(cell->badge, GTK_ALIGN_START);
  gtk_widget_add_css_class(cell->badge, "kj-mistake-badge");
  gtk_accessible_update_property(GTK_ACCESSIBLE(cell->badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                 _("Mistake"), -1);
  gtk_overlay_add_overlay(GTK_OVERLAY(frame), cell->badge);
  gtk_box_append(GTK_BOX(box), frame);

  cell->name = gtk_label_new(NULL);
  cell->confidence = gtk_label_new(NULL);
  cell->truth = gtk_label_new(NULL);
  gtk_widget_add_css_class(cell->name, "heading");
  gtk_widget_add_css_class(cell->confidence, "caption");
  gtk_widget_add_css_class(cell->confidence, "numeric");
  gtk_widget_add_css_class(cell->truth, "caption");
  gtk_widget_add_css_class(cell->truth, "kj-prediction-truth");
  gtk_box_append(GTK_BOX(box), cell->name);
  gtk_box_append(GTK_BOX(box), cell->confidence);
  gtk_box_append(GTK_BOX(box), cell->truth);
  /* The labels are siblings once appended; size them all alike. */
  for (GtkWidget *label = cell->name; label != NULL; label = gtk_widget_get_next_sibling(label)) {
    gtk_label_set_ellipsize(GTK_LABEL(label), PANGO_ELLIPSIZE_END);
    gtk_label_set_max_width_chars(GTK_LABEL(label), 12);
    gtk_label_set_width_chars(GTK_LABEL(label), 10);
  }

  /* The tooltip is made when asked for: it costs nothing while scrolling. */
  cell->list_item = list_item;
  gtk_widget_set_has_tooltip(box, TRUE);
  g_signal_connect(box, "query-tooltip", G_CALLBACK(on_query_cell_tooltip), self);
  g_object_set_data_full(G_OBJECT(box), "kj-cell", cell, cell_free);
  gtk_list_item_set_child(list_item, box);
}

/* Shows the list item's prediction; the image is made again only when it is
 * another one (or another scale). */
static void
update_cell(KjPredictionGrid *self, GtkListItem *list_item)
{
  KjPredictionItem *item = gtk_list_item_get_item(list_item);
  GtkWidget *box = gtk_list_item_get_child(list_item);
  Cell *cell = g_object_get_data(G_OBJECT(box), "kj-cell");
  guint32 index = kj_prediction_item_get_image_index(item);
  int scale = gtk_widget_get_scale_factor(box);
  gboolean mistake = kj_prediction_item_is_mistake(item);
  g_autofree char *confidence = NULL;
  g_autofree char *truth = NULL;
  g_autofree char *description = NULL;

  if (!cell->has_texture || cell->generation != self->images_generation || cell->index != index ||
      cell->scale != scale) {
    g_autoptr(GdkTexture) texture = kj_prediction_item_create_texture(item, IMAGE_SIZE * scale);

    gtk_image_set_from_paintable(GTK_IMAGE(cell->image), GDK_PAINTABLE(texture));
    cell->has_texture = TRUE;
    cell->generation = self->images_generation;
    cell->index = index;
    cell->scale = scale;
  }
  gtk_label_set_text(GTK_LABEL(cell->name),
                     class_name(self, kj_prediction_item_get_predicted_label(item)));
  confidence = format_percent(kj_prediction_item_get_confidence(item), 0);
  gtk_label_set_text(GTK_LABEL(cell->confidence), confidence);
  /* Translators: under an image, its true class */
  truth = g_strdup_printf(_("True: %s"), class_name(self, kj_prediction_item_get_true_label(item)));
  gtk_label_set_text(GTK_LABEL(cell->truth), truth);
  gtk_widget_set_visible(cell->badge, mistake);
  if (mistake)
    gtk_widget_add_css_class(box, "mistake");
  else
    gtk_widget_remove_css_class(box, "mistake");
  description = describe_item(self, item);
  if (g_strcmp0(description, cell->description) != 0) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(box), GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                   -1);
    g_free(cell->description);
    cell->description = g_steal_pointer(&description);
  }
}

static void
on_bind_cell(GtkSignalListItemFactory *factory, GtkListItem *list_item, KjPredictionGrid *self)
{
  g_ptr_array_add(self->bound, list_item);
  update_cell(self, list_item);
}

static void
on_unbind_cell(GtkSignalListItemFactory *factory, GtkListItem *list_item, KjPredictionGrid *self)
{
  Cell *cell = g_object_get_data(G_OBJECT(gtk_list_item_get_child(list_item)), "kj-cell");

  g_ptr_array_remove_fast(self->bound, list_item);
  /* Only cells on screen hold pixels. */
  gtk_image_clear(GTK_IMAGE(cell->image));
  cell->has_texture = FALSE;
}

/* ---- details ---- */

static GtkWidget *
new_label(const char *text, float xalign, const char *css_class)
{
  GtkWidget *label = gtk_label_new(text);

  gtk_label_set_xalign(GTK_LABEL(label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class(label, css_class);
  return label;
}

static void
fill_details(KjPredictionGrid *self, KjPredictionItem *item)
{
  guint truth = kj_prediction_item_get_true_label(item);
  guint predicted = kj_prediction_item_get_predicted_label(item);
  int scale = gtk_widget_get_scale_factor(GTK_WIDGET(self));
  g_autoptr(GdkTexture) texture =
      kj_prediction_item_create_texture(item, DETAIL_IMAGE_SIZE * scale);
  GtkWidget *box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new(GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *frame = gtk_overlay_new();
  GtkWidget *image = gtk_image_new_from_paintable(GDK_PAINTABLE(texture));
  GtkWidget *grid = gtk_grid_new();
  GtkWidget *label;
  g_autofree char *title = NULL;
  g_autofree char *truth_text = NULL;
  g_autofree char *verdict = NULL;
  const KjPrediction *top;
  guint k;

  gtk_widget_add_css_class(box, "kj-prediction-details");
  gtk_widget_set_margin_top(box, 6);
  gtk_widget_set_margin_bottom(box, 6);
  gtk_widget_set_margin_start(box, 6);
  gtk_widget_set_margin_end(box, 6);

  gtk_image_set_pixel_size(GTK_IMAGE(image), DETAIL_IMAGE_SIZE);
  gtk_overlay_set_child(GTK_OVERLAY(frame), image);
  gtk_widget_add_css_class(frame, "kj-prediction-image");
  gtk_widget_set_overflow(frame, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_valign(frame, GTK_ALIGN_CENTER);
  gtk_box_append(GTK_BOX(header), frame);

  /* Translators: the title of an image's details; %u is its number in the dataset */
  title = g_strdup_printf(_("Image %u"), kj_prediction_item_get_image_index(item));
  gtk_box_append(GTK_BOX(titles), new_label(title, 0.0f, "heading"));
  /* Translators: %s is a class name */
  truth_text = g_strdup_printf(_("True label: %s"), class_name(self, truth));
  gtk_box_append(GTK_BOX(titles), new_label(truth_text, 0.0f, NULL));
  if (predicted == truth)
    verdict = g_strdup(_("Predicted correctly"));
  else
    /* Translators: %s is a class name */
    verdict = g_strdup_printf(_("Predicted as %s"), class_name(self, predicted));
  gtk_box_append(GTK_BOX(titles),
                 new_label(verdict, 0.0f, predicted == truth ? "success" : "error"));
  gtk_widget_set_valign(titles, GTK_ALIGN_CENTER);
  gtk_box_append(GTK_BOX(header), titles);
  gtk_box_append(GTK_BOX(box), header);

  gtk_box_append(GTK_BOX(box), new_label(_("Most Probable Classes"), 0.0f, "heading"));
  gtk_grid_set_column_spacing(GTK_GRID(grid), 12);
  gtk_grid_set_row_spacing(GTK_GRID(grid), 6);
  top = kj_prediction_item_get_top(item, &k);
  for (guint r = 0; r < k; r++) {
    GtkWidget *bar = gtk_progress_bar_new();
    g_autofree char *percent = format_percent(top[r].probability, 1);

    label = new_label(class_name(self, top[r].label), 0.0f, NULL);
    gtk_label_set_ellipsize(GTK_LABEL(label), PANGO_ELLIPSIZE_END);
    gtk_label_set_max_width_chars(GTK_LABEL(label), 18);
    if (top[r].label == truth)
      gtk_widget_add_css_class(label, "heading");
    gtk_grid_attach(GTK_GRID(grid), label, 0, (int)r, 1, 1);

    gtk_progress_bar_set_fraction(GTK_PROGRESS_BAR(bar), CLAMP(top[r].probability, 0.0f, 1.0f));
    gtk_widget_set_size_request(bar, 140, -1);
    gtk_widget_set_valign(bar, GTK_ALIGN_CENTER);
    gtk_widget_set_hexpand(bar, TRUE);
    if (top[r].label == truth)
      gtk_widget_add_css_class(bar, "kj-true-class");
    else if (r == 0)
      gtk_widget_add_css_class(bar, "kj-wrong-class");
    gtk_accessible_update_property(GTK_ACCESSIBLE(bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                   class_name(self, top[r].label), -1);
    gtk_grid_attach(GTK_GRID(grid), bar, 1, (int)r, 1, 1);

    label = new_label(percent, 1.0f, "numeric");
    gtk_label_set_width_chars(GTK_LABEL(label), 6);
    gtk_grid_attach(GTK_GRID(grid), label, 2, (int)r, 1, 1);
  }
  gtk_box_append(GTK_BOX(box), grid);
  gtk_popover_set_child(GTK_POPOVER(self->popover), box);
}

static GtkWidget *
find_cell(KjPredictionGrid *self, guint position)
{
  for (guint i = 0; i < self->bound->len; i++) {
    GtkListItem *list_item = g_ptr_array_index(self->bound, i);

    if (gtk_list_item_get_position(list_item) == position)
      return gtk_list_item_get_child(list_item);
  }
  return NULL;
}

static void
on_popover_closed(GtkPopover *popover, KjPredictionGrid *self)
{
  g_clear_object(&self->details_item);
}

static void
on_grid_activate(GtkGridView *grid_view, guint position, KjPredictionGrid *self)
{
  kj_prediction_grid_show_details(self, position);
}

/* ---- GtkWidget ---- */

static void
kj_prediction_grid_measure(GtkWidget *widget, GtkOrientation orientation, int for_size,
                           int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  KjPredictionGrid *self = KJ_PREDICTION_GRID(widget);

  gtk_widget_measure(GTK_WIDGET(self->stack), orientation, for_size, minimum, natural,
                     minimum_baseline, natural_baseline);
}

static void
kj_prediction_grid_size_allocate(GtkWidget *widget, int width, int height, int baseline)
{
  KjPredictionGrid *self = KJ_PREDICTION_GRID(widget);

  gtk_widget_allocate(GTK_WIDGET(self->stack), width, height, baseline, NULL);
  gtk_popover_present(GTK_POPOVER(self->popover));
}

/* ---- GObject ---- */

static void
kj_prediction_grid_dispose(GObject *object)
{
  KjPredictionGrid *self = KJ_PREDICTION_GRID(object);

  /* Unbinds every cell while self->bound is still there. */
  if (self->grid_view != NULL)
    gtk_grid_view_set_model(self->grid_view, NULL);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_func(self->filtered, on_filtered_changed, self);
  g_clear_pointer(&self->popover, gtk_widget_unparent);
  if (self->stack != NULL)
    gtk_widget_unparent(GTK_WIDGET(self->stack));
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_PREDICTION_GRID);
  g_clear_object(&self->details_item);
  g_clear_object(&self->filtered);
  g_clear_object(&self->filter);
  g_clear_object(&self->store);
  g_clear_pointer(&self->images, kj_dataset_unref);
  G_OBJECT_CLASS(kj_prediction_grid_parent_class)->dispose(object);
}

static void
kj_prediction_grid_finalize(GObject *object)
{
  KjPredictionGrid *self = KJ_PREDICTION_GRID(object);

  g_strfreev(self->class_names);
  g_ptr_array_unref(self->bound);
  G_OBJECT_CLASS(kj_prediction_grid_parent_class)->finalize(object);
}

static void
kj_prediction_grid_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjPredictionGrid *self = KJ_PREDICTION_GRID(object);

  switch (prop_id) {
  case PROP_MISTAKES_ONLY:
    g_value_set_boolean(value, self->mistakes_only);
    break;
  case PROP_N_ITEMS:
    g_value_set_uint(value, kj_prediction_grid_get_n_items(self));
    break;
  case PROP_N_SHOWN:
    g_value_set_uint(value, self->n_shown);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_prediction_grid_set_property(GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  KjPredictionGrid *self = KJ_PREDICTION_GRID(object);

  switch (prop_id) {
  case PROP_MISTAKES_ONLY:
    kj_prediction_grid_set_mistakes_only(self, g_value_get_boolean(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_prediction_grid_class_init(KjPredictionGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_prediction_grid_dispose;
  object_class->finalize = kj_prediction_grid_finalize;
  object_class->get_property = kj_prediction_grid_get_property;
  object_class->set_property = kj_prediction_grid_set_property;
  widget_class->measure = kj_prediction_grid_measure;
  widget_class->size_allocate = kj_prediction_grid_size_allocate;

  properties[PROP_MISTAKES_ONLY] =
      g_param_spec_boolean("mistakes-only", NULL, NULL, FALSE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] = g_param_spec_uint("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SHOWN] = g_param_spec_uint("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource(widget_class,
                                              RESOURCE_PATH "/ui/kj-prediction-grid.ui");
  gtk_widget_class_bind_template_child(widget_class, KjPredictionGrid, stack);
  gtk_widget_class_bind_template_child(widget_class, KjPredictionGrid, status_page);
  gtk_widget_class_bind_template_child(widget_class, KjPredictionGrid, grid_view);
  gtk_widget_class_bind_template_callback(widget_class, on_setup_cell);
  gtk_widget_class_bind_template_callback(widget_class, on_bind_cell);
  gtk_widget_class_bind_template_callback(widget_class, on_unbind_cell);
  gtk_widget_class_bind_template_callback(widget_class, on_grid_activate);

  gtk_widget_class_set_css_name(widget_class, "predictiongrid");
}

static void
kj_prediction_grid_init(KjPredictionGrid *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_type_ensure(ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template(GTK_WIDGET(self));

  self->bound = g_ptr_array_new();
  self->store = g_list_store_new(KJ_TYPE_PREDICTION_ITEM);
  self->filter = gtk_custom_filter_new(filter_item, self, NULL);
  self->filtered = gtk_filter_list_model_new(G_LIST_MODEL(g_object_ref(self->store)),
                                             GTK_FILTER(g_object_ref(self->filter)));
  g_signal_connect(self->filtered, "items-changed", G_CALLBACK(on_filtered_changed), self);
  selection = gtk_no_selection_new(G_LIST_MODEL(g_object_ref(self->filtered)));
  gtk_grid_view_set_model(self->grid_view, GTK_SELECTION_MODEL(selection));

  self->popover = gtk_popover_new();
  gtk_widget_set_parent(self->popover, GTK_WIDGET(self));
  g_signal_connect(self->popover, "closed", G_CALLBACK(on_popover_closed), self);

  update_state(self);
}

/* ---- public API ---- */

GtkWidget *
kj_prediction_grid_new(void)
{
  return g_object_new(KJ_TYPE_PREDICTION_GRID, NULL);
}

static void
set_class_names(KjPredictionGrid *self, KjDataset *images, const char *const *class_names)
{
  g_strfreev(self->class_names);
  self->n_classes = images != NULL ? kj_dataset_get_n_classes(images) : 0;
  self->class_names = g_new0(char *, self->n_classes + 1);
  for (guint i = 0; i < self->n_classes; i++) {
    const char *name = class_names != NULL ? class_names[i] : kj_dataset_get_class_name(images, i);

    self->class_names[i] = g_strdup(name != NULL ? name : "?");
  }
}

/* Cells on screen show what their (updated) items hold now. */
static void
refresh_bound_cells(KjPredictionGrid *self)
{
  for (guint i = 0; i < self->bound->len; i++)
    update_cell(self, g_ptr_array_index(self->bound, i));
}

void
kj_prediction_grid_set_predictions(KjPredictionGrid *self, KjDataset *images,
                                   const guint32 *indices, guint n, const KjPrediction *predictions,
                                   guint k, const char *const *class_names)
{
  guint n_old, n_shown_before = self->n_shown;

  g_return_if_fail(KJ_IS_PREDICTION_GRID(self));
  g_return_if_fail(images != NULL || n == 0);
  g_return_if_fail(predictions != NULL || n == 0);
  g_return_if_fail(k >= 1 || n == 0);
  for (guint i = 0; i < n; i++)
    g_return_if_fail((indices != NULL ? indices[i] : i) < kj_dataset_get_n(images));

  if (images != self->images) {
    if (images != NULL)
      kj_dataset_ref(images);
    g_clear_pointer(&self->images, kj_dataset_unref);
    self->images = images;
    self->images_generation++;
  }
  set_class_names(self, images, class_names);
  if (self->has_cell &&
      (self->cell_true >= self->n_classes || self->cell_predicted >= self->n_classes))
    self->has_cell = FALSE;

  /* In place: the grid keeps its items, so neither the scroll position nor
   * the cells on screen are reset every epoch. */
  n_old = g_list_model_get_n_items(G_LIST_MODEL(self->store));
  for (guint i = 0; i < MIN(n, n_old); i++) {
    g_autoptr(KjPredictionItem) item = g_list_model_get_item(G_LIST_MODEL(self->store), i);

    kj_prediction_item_set(item, images, indices != NULL ? indices[i] : i,
                           predictions + (gsize)i * k, k);
  }
  if (self->mistakes_only || self->has_cell)
    gtk_filter_changed(GTK_FILTER(self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (n < n_old) {
    g_list_store_splice(self->store, n, n_old - n, NULL, 0);
  } else if (n > n_old) {
    g_autoptr(GPtrArray) added = g_ptr_array_new_full(n - n_old, g_object_unref);

    for (guint i = n_old; i < n; i++)
      g_ptr_array_add(added, kj_prediction_item_new(images, indices != NULL ? indices[i] : i,
                                                    predictions + (gsize)i * k, k));
    g_list_store_splice(self->store, n_old, 0, added->pdata, added->len);
  }
  refresh_bound_cells(self);

  if (self->details_item != NULL) {
    guint position;

    if (g_list_store_find(self->store, self->details_item, &position))
      fill_details(self, self->details_item);
    else
      gtk_popover_popdown(GTK_POPOVER(self->popover));
  }
  if (n != n_old)
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_N_ITEMS]);
  /* The status page's text may change without the count. */
  if (n_shown_before == self->n_shown)
    update_state(self);
}

void
kj_prediction_grid_clear(KjPredictionGrid *self)
{
  g_return_if_fail(KJ_IS_PREDICTION_GRID(self));
  kj_prediction_grid_set_predictions(self, NULL, NULL, 0, NULL, 1, NULL);
}

void
kj_prediction_grid_set_mistakes_only(KjPredictionGrid *self, gboolean mistakes_only)
{
  g_return_if_fail(KJ_IS_PREDICTION_GRID(self));

  mistakes_only = !!mistakes_only;
  if (self->mistakes_only == mistakes_only)
    return;
  self->mistakes_only = mistakes_only;
  refilter(self, mistakes_only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_MISTAKES_ONLY]);
}

gboolean
kj_prediction_grid_get_mistakes_only(KjPredictionGrid *self)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_GRID(self), FALSE);
  return self->mistakes_only;
}

void
kj_prediction_grid_show_cell(KjPredictionGrid *self, guint true_label, guint predicted_label)
{
  gboolean had_cell;

  g_return_if_fail(KJ_IS_PREDICTION_GRID(self));

  if (self->has_cell && self->cell_true == true_label && self->cell_predicted == predicted_label)
    return;
  had_cell = self->has_cell;
  self->has_cell = TRUE;
  self->cell_true = true_label;
  self->cell_predicted = predicted_label;
  refilter(self, had_cell ? GTK_FILTER_CHANGE_DIFFERENT : GTK_FILTER_CHANGE_MORE_STRICT);
}

void
kj_prediction_grid_clear_cell(KjPredictionGrid *self)
{
  g_return_if_fail(KJ_IS_PREDICTION_GRID(self));

  if (!self->has_cell)
    return;
  self->has_cell = FALSE;
  refilter(self, GTK_FILTER_CHANGE_LESS_STRICT);
}

gboolean
kj_prediction_grid_get_cell(KjPredictionGrid *self, guint *true_label, guint *predicted_label)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_GRID(self), FALSE);
  if (self->has_cell && true_label != NULL)
    *true_label = self->cell_true;
  if (self->has_cell && predicted_label != NULL)
    *predicted_label = self->cell_predicted;
  return self->has_cell;
}

guint
kj_prediction_grid_get_n_items(KjPredictionGrid *self)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_GRID(self), 0);
  return g_list_model_get_n_items(G_LIST_MODEL(self->store));
}

guint
kj_prediction_grid_get_n_shown(KjPredictionGrid *self)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_GRID(self), 0);
  return self->n_shown;
}

GListModel *
kj_prediction_grid_get_model(KjPredictionGrid *self)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_GRID(self), NULL);
  return G_LIST_MODEL(self->filtered);
}

void
kj_prediction_grid_show_details(KjPredictionGrid *self, guint position)
{
  g_autoptr(KjPredictionItem) item = NULL;
  GtkWidget *widget = GTK_WIDGET(self);
  GtkWidget *cell;
  graphene_rect_t bounds;
  GdkRectangle rect = { gtk_widget_get_width(widget) / 2, gtk_widget_get_height(widget) / 2, 1, 1 };

  g_return_if_fail(KJ_IS_PREDICTION_GRID(self));

  item = g_list_model_get_item(G_LIST_MODEL(self->filtered), position);
  if (item == NULL) {
    gtk_popover_popdown(GTK_POPOVER(self->popover));
    return;
  }
  g_set_object(&self->details_item, item);
  fill_details(self, item);
  cell = find_cell(self, position);
  if (cell != NULL && gtk_widget_compute_bounds(cell, widget, &bounds))
    rect = (GdkRectangle){ (int)bounds.origin.x, (int)bounds.origin.y, (int)bounds.size.width,
                           (int)bounds.size.height };
  gtk_popover_set_pointing_to(GTK_POPOVER(self->popover), &rect);
  gtk_popover_popup(GTK_POPOVER(self->popover));
}

GtkPopover *
kj_prediction_grid_get_details_popover(KjPredictionGrid *self)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_GRID(self), NULL);
  return GTK_POPOVER(self->popover);
}
