#include "config.h"

#include "kj-fusion-area-row.h"

#include <glib/gi18n.h>

#include "kj-number.h"
#include "kj-unit-spin.h"

struct _KjFusionAreaRow {
  GtkListBoxRow parent_instance;

  /* template widgets */
  GtkEditableLabel *name_label;
  GtkLabel *contribution_label;
  GtkAdjustment *weight_adjustment;
  GtkAdjustment *alpha_adjustment;
  GtkScale *weight_scale;
  GtkSpinButton *weight_spin;
  GtkSpinButton *alpha_spin;
  GtkLabel *source_label;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;

  /* owned */
  KjFusionModel *model;
  KjFusionArea *area;
};

G_DEFINE_FINAL_TYPE(KjFusionAreaRow, kj_fusion_area_row, GTK_TYPE_LIST_BOX_ROW)

static void
show_error(KjFusionAreaRow *self, const char *message)
{
  if (message != NULL)
    gtk_label_set_text(self->error_label, message);
  gtk_revealer_set_reveal_child(self->error_revealer, message != NULL);
}

static void
update_contribution(KjFusionAreaRow *self)
{
  g_autofree char *value = kj_number_format(kj_fusion_area_get_contribution(self->area), 4);
  g_autofree char *text = g_strdup_printf("+%s", value);

  gtk_label_set_text(self->contribution_label, text);
}

static void
update_name(KjFusionAreaRow *self)
{
  const char *name = kj_fusion_area_get_name(self->area);

  gtk_editable_set_text(GTK_EDITABLE(self->name_label), name);
  gtk_accessible_update_property(GTK_ACCESSIBLE(self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* A rename is committed when editing stops; a refused name is reported
 * inline and the label goes back to the area's name. */
static void
on_editing_changed(GtkEditableLabel *label, GParamSpec *pspec, KjFusionAreaRow *self)
{
  g_autoptr(GError) error = NULL;

  if (gtk_editable_label_get_editing(label))
    return;
  if (kj_fusion_model_rename_area(self->model, self->area,
                                  gtk_editable_get_text(GTK_EDITABLE(label)), &error))
    show_error(self, NULL);
  else
    show_error(self, error->message);
  update_name(self);
}

static void
remove_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjFusionAreaRow *self = KJ_FUSION_AREA_ROW(widget);
  const char *name = kj_fusion_area_get_name(self->area);
  guint position;

  /* The page removes with an undo toast; a row on its own removes directly. */
  if (gtk_widget_activate_action(widget, "fusion.remove-area", "s", name))
    return;
  if (kj_fusion_model_find_area(self->model, name, &position))
    kj_fusion_model_remove_area(self->model, position);
}

static void
rename_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjFusionAreaRow *self = KJ_FUSION_AREA_ROW(widget);

  gtk_widget_grab_focus(GTK_WIDGET(self->name_label));
  gtk_editable_label_start_editing(self->name_label);
}

static void
kj_fusion_area_row_dispose(GObject *object)
{
  KjFusionAreaRow *self = KJ_FUSION_AREA_ROW(object);

  if (self->area != NULL)
    g_signal_handlers_disconnect_by_data(self->area, self);
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_FUSION_AREA_ROW);
  g_clear_object(&self->area);
  g_clear_object(&self->model);
  G_OBJECT_CLASS(kj_fusion_area_row_parent_class)->dispose(object);
}

static void
kj_fusion_area_row_class_init(KjFusionAreaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_fusion_area_row_dispose;

  gtk_widget_class_set_template_from_resource(widget_class,
                                              RESOURCE_PATH "/ui/kj-fusion-area-row.ui");
  gtk_widget_class_bind_template_child(widget_class, KjFusionAreaRow, name_label);
  gtk_widget_class_bind_template_child(widget_class, KjFusionAreaRow, contribution_label);
  gtk_widget_class_bind_template_child(widget_class, KjFusionAreaRow, weight_adjustment);
  gtk_widget_class_bind_template_child(widget_class, KjFusionAreaRow, alpha_adjustment);
  gtk_widget_class_bind_template_child(widget_class, KjFusionAreaRow, weight_scale);
  gtk_widget_class_bind_template_child(widget_class, KjFusionAreaRow, weight_spin);
  gtk_widget_class_bind_template_child(widget_class, KjFusionAreaRow, source_label);
  gtk_widget_class_bind_template_child(widget_class, KjFusionAreaRow, alpha_spin);
  gtk_widget_class_bind_template_child(widget_class, KjFusionAreaRow, error_revealer);
  gtk_widget_class_bind_template_child(widget_class, KjFusionAreaRow, error_label);
  gtk_widget_class_bind_template_callback(widget_class, on_editing_changed);

  gtk_widget_class_install_action(widget_class, "area.remove", NULL, remove_activated);
  gtk_widget_class_install_action(widget_class, "area.rename", NULL, rename_activated);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_F2, 0, "area.rename", NULL);
}

static void
kj_fusion_area_row_init(KjFusionAreaRow *self)
{
  gtk_widget_init_template(GTK_WIDGET(self));
  kj_unit_spin_attach(self->weight_spin, self->error_revealer, self->error_label);
  kj_unit_spin_attach(self->alpha_spin, self->error_revealer, self->error_label);
}

GtkWidget *
kj_fusion_area_row_new(KjFusionModel *model, KjFusionArea *area)
{
  KjFusionAreaRow *self = g_object_new(KJ_TYPE_FUSION_AREA_ROW, NULL);

  self->model = g_object_ref(model);
  self->area = g_object_ref(area);
  g_object_bind_property(area, "weight", self->weight_adjustment, "value",
                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property(area, "alpha", self->alpha_adjustment, "value",
                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped(area, "notify::contribution", G_CALLBACK(update_contribution), self);
  g_signal_connect_swapped(area, "notify::name", G_CALLBACK(update_name), self);
  update_contribution(self);
  update_name(self);
  return GTK_WIDGET(self);
}

KjFusionArea *
kj_fusion_area_row_get_area(KjFusionAreaRow *self)
{
  g_return_val_if_fail(KJ_IS_FUSION_AREA_ROW(self), NULL);
  return self->area;
}

/* While the weight comes from elsewhere (the roadmap), it cannot be edited
 * here and the row says where it comes from. */
void
kj_fusion_area_row_set_weight_source(KjFusionAreaRow *self, const char *source)
{
  g_return_if_fail(KJ_IS_FUSION_AREA_ROW(self));

  gtk_widget_set_sensitive(GTK_WIDGET(self->weight_scale), source == NULL);
  gtk_widget_set_sensitive(GTK_WIDGET(self->weight_spin), source == NULL);
  gtk_label_set_text(self->source_label, source != NULL ? source : "");
  gtk_widget_set_visible(GTK_WIDGET(self->source_label), source != NULL);
}
