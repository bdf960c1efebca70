#include "config.h"

#include "kj-fusion-page.h"

#include <glib/gi18n.h>

#include "kj-chart-view.h"
#include "kj-fusion-area-row.h"
#include "kj-fusion-charts.h"
#include "kj-fusion-roadmap.h"
#include "kj-fusion-settings.h"
#include "kj-number.h"
#include "kj-toast.h"
#include "kj-unit-spin.h"

#define SAVE_DELAY_MS 500

struct _KjFusionPage {
  AdwBin parent_instance;

  /* template widgets */
  GtkLabel *score_label;
  GtkLabel *formula_label;
  GtkLevelBar *score_bar;
  GtkLabel *attainable_label;
  GtkAdjustment *w1_adjustment;
  GtkScale *w1_scale;
  GtkSpinButton *w1_spin;
  GtkLabel *w1_source_label;
  GtkSwitch *roadmap_switch;
  GtkRevealer *w1_error_revealer;
  GtkLabel *w1_error_label;
  GtkListBox *area_list;
  KjChartView *contributions_view;
  KjChartView *curve_view;

  /* owned */
  KjFusionModel *model;
  KjFusionArea *selected; /* the area the curve is drawn for */
  GSettings *settings;
  GBinding *w1_binding;
  KjChart *contributions_chart;
  KjChart *curve_chart;
  guint save_source;
  KjRoadmap *roadmap; /* whose progress the weights follow while the switch is on */
  gboolean following; /* re-entrancy guard: following sets weights, which notify */

  /* the last area removed, for Undo */
  char *removed_name;
  double removed_weight;
  double removed_alpha;
  guint removed_position;
};

G_DEFINE_FINAL_TYPE(KjFusionPage, kj_fusion_page, ADW_TYPE_BIN)

/* "w = 0.5·1 + 0.5·0.5 + 0·0.5 = 0.75": the seed's formula with the numbers in. */
static char *
format_formula(KjFusionModel *model)
{
  g_autoptr(GArray) terms = kj_fusion_model_dup_terms(model);
  g_autoptr(GString) text = g_string_new("w = ");
  g_autofree char *w1 = kj_number_format(kj_fusion_model_get_programming_weight(model), 4);
  g_autofree char *score = kj_number_format(kj_fusion_model_get_score(model), 4);

  g_string_append_printf(text, "%s·1", w1);
  for (guint i = 0; i < terms->len; i++) {
    KjFusionTerm *term = &g_array_index(terms, KjFusionTerm, i);
    g_autofree char *weight = kj_number_format(term->weight, 4);
    g_autofree char *alpha = kj_number_format(term->alpha, 4);

    g_string_append_printf(text, " + %s·%s", weight, alpha);
  }
  g_string_append_printf(text, " = %s", score);
  return g_string_free(g_steal_pointer(&text), FALSE);
}

static void
update_charts(KjFusionPage *self)
{
  kj_fusion_charts_update_contributions(self->contributions_chart, self->model);
  kj_fusion_charts_update_curve(self->curve_chart, self->model, self->selected);
}

static void
update_score(KjFusionPage *self)
{
  double score = kj_fusion_model_get_score(self->model);
  double max_score = kj_fusion_model_get_max_score(self->model);
  g_autofree char *score_text = kj_number_format(score, 4);
  g_autofree char *max_text = kj_number_format(max_score, 4);
  g_autofree char *formula = format_formula(self->model);
  g_autofree char *attainable = NULL;

  gtk_label_set_text(self->score_label, score_text);
  gtk_label_set_text(self->formula_label, formula);
  gtk_level_bar_set_max_value(self->score_bar, max_score);
  gtk_level_bar_set_value(self->score_bar, score);
  /* Translators: "75% of the 3 attainable with these coefficients" */
  attainable = g_strdup_printf(_("%.0f%% of the %s attainable with these coefficients"),
                               100.0 * score / max_score, max_text);
  gtk_label_set_text(self->attainable_label, attainable);
  update_charts(self);
}

static gboolean
save_now(gpointer user_data)
{
  KjFusionPage *self = user_data;

  self->save_source = 0;
  kj_fusion_page_save(self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save(KjFusionPage *self)
{
  if (self->settings == NULL)
    return;
  g_clear_handle_id(&self->save_source, g_source_remove);
  self->save_source = g_timeout_add(SAVE_DELAY_MS, save_now, self);
}

static void follow_roadmap(KjFusionPage *self, gboolean add_missing);

static void
on_model_changed(KjFusionPage *self)
{
  /* A renamed or added area may now match a domain. */
  follow_roadmap(self, FALSE);
  update_score(self);
  schedule_save(self);
}

/* "From the roadmap: 3/8 done" */
static char *
format_source(const KjRoadmapProgress *progress)
{
  if (progress == NULL)
    return NULL;
  /* Translators: the share of a roadmap domain's topics that are done */
  return g_strdup_printf(_("From the roadmap: %u/%u done"), progress->n_done,
                         progress->n_nodes - progress->n_skipped);
}

static void
set_w1_source(KjFusionPage *self, const char *source)
{
  gtk_widget_set_sensitive(GTK_WIDGET(self->w1_scale), source == NULL);
  gtk_widget_set_sensitive(GTK_WIDGET(self->w1_spin), source == NULL);
  gtk_label_set_text(self->w1_source_label, source != NULL ? source : "");
  gtk_widget_set_visible(GTK_WIDGET(self->w1_source_label), source != NULL);
}

/* Marks w1 and the rows whose weights come from the roadmap. */
static void
update_sources(KjFusionPage *self)
{
  gboolean on = self->roadmap != NULL && gtk_switch_get_active(self->roadmap_switch);
  g_autoptr(GPtrArray) domains = on ? kj_roadmap_dup_domain_progress(self->roadmap) : NULL;
  g_autofree char *w1_source = NULL;
  GtkWidget *child;

  for (guint i = 0; domains != NULL && i < domains->len; i++) {
    const KjRoadmapProgress *progress = g_ptr_array_index(domains, i);

    if (g_strcmp0(progress->domain, KJ_FUSION_PROGRAMMING_DOMAIN) == 0)
      w1_source = format_source(progress);
  }
  set_w1_source(self, w1_source);
  for (child = gtk_widget_get_first_child(GTK_WIDGET(self->area_list)); child != NULL;
       child = gtk_widget_get_next_sibling(child)) {
    KjFusionArea *area;
    g_autofree char *source = NULL;

    if (!KJ_IS_FUSION_AREA_ROW(child))
      continue;
    area = kj_fusion_area_row_get_area(KJ_FUSION_AREA_ROW(child));
    if (domains != NULL)
      source = format_source(kj_fusion_roadmap_find_domain(domains, kj_fusion_area_get_name(area)));
    kj_fusion_area_row_set_weight_source(KJ_FUSION_AREA_ROW(child), source);
  }
}

static void
follow_roadmap(KjFusionPage *self, gboolean add_missing)
{
  if (self->following || self->model == NULL)
    return;
  self->following = TRUE;
  if (self->roadmap != NULL && gtk_switch_get_active(self->roadmap_switch))
    kj_fusion_model_follow_roadmap(self->model, self->roadmap, add_missing);
  update_sources(self);
  self->following = FALSE;
}

static void
on_roadmap_changed(KjFusionPage *self)
{
  follow_roadmap(self, FALSE);
}

/* Turning it on also gives every domain without an area one of its own. */
static void
on_roadmap_switch(KjFusionPage *self)
{
  follow_roadmap(self, TRUE);
}

static GtkWidget *
create_row(gpointer item, gpointer user_data)
{
  KjFusionPage *self = user_data;

  return kj_fusion_area_row_new(self->model, KJ_FUSION_AREA(item));
}

static void
on_row_selected(GtkListBox *list, GtkListBoxRow *row, KjFusionPage *self)
{
  KjFusionArea *area = row != NULL ? kj_fusion_area_row_get_area(KJ_FUSION_AREA_ROW(row)) : NULL;

  /* The list empties itself while the page is being disposed. */
  if (self->model == NULL)
    return;
  g_set_object(&self->selected, area);
  kj_fusion_charts_update_curve(self->curve_chart, self->model, self->selected);
}

/* Keeps a row selected, so the curve always shows some area. */
static void
on_items_changed(GListModel *list, guint position, guint removed, guint added, KjFusionPage *self)
{
  guint n = g_list_model_get_n_items(list);

  update_sources(self);
  if (gtk_list_box_get_selected_row(self->area_list) == NULL && n > 0)
    kj_fusion_page_select_area(self, added > 0 ? position + added - 1 : MIN(position, n - 1));
  else if (added > 0)
    kj_fusion_page_select_area(self, position + added - 1);
}

static void
set_model(KjFusionPage *self, KjFusionModel *model)
{
  if (self->model != NULL) {
    g_signal_handlers_disconnect_by_data(self->model, self);
    g_clear_pointer(&self->w1_binding, g_binding_unbind);
  }
  g_set_object(&self->model, model);
  g_clear_object(&self->selected);

  self->w1_binding =
      g_object_bind_property(model, "programming-weight", self->w1_adjustment, "value",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_list_box_bind_model(self->area_list, G_LIST_MODEL(model), create_row, self, NULL);
  g_signal_connect_swapped(model, "changed", G_CALLBACK(on_model_changed), self);
  g_signal_connect(model, "items-changed", G_CALLBACK(on_items_changed), self);
  kj_fusion_page_select_area(self, 0);
  update_score(self);
}

static void
add_area_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjFusionPage *self = KJ_FUSION_PAGE(widget);
  g_autofree char *name = kj_fusion_model_suggest_name(self->model);
  GtkListBoxRow *row;

  kj_fusion_model_add_area(self->model, name, 0.0, 0.5, NULL);
  row = gtk_list_box_get_selected_row(self->area_list);
  if (row != NULL)
    gtk_widget_activate_action(GTK_WIDGET(row), "area.rename", NULL);
}

static void
remove_area_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjFusionPage *self = KJ_FUSION_PAGE(widget);
  const char *name = g_variant_get_string(parameter, NULL);
  KjFusionArea *area;
  guint position;
  g_autofree char *message = NULL;

  area = kj_fusion_model_find_area(self->model, name, &position);
  if (area == NULL)
    return;
  g_free(self->removed_name);
  self->removed_name = g_strdup(name);
  self->removed_weight = kj_fusion_area_get_weight(area);
  self->removed_alpha = kj_fusion_area_get_alpha(area);
  self->removed_position = position;
  kj_fusion_model_remove_area(self->model, position);
  gtk_widget_action_set_enabled(widget, "fusion.undo-remove", TRUE);

  message = g_strdup_printf(_("“%s” removed"), name);
  kj_toast_show_with_action(widget, message, _("_Undo"), "fusion.undo-remove");
}

/* Puts the last removed area back where it was, unless its name has been
 * taken again in the meantime. */
static void
undo_remove_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjFusionPage *self = KJ_FUSION_PAGE(widget);

  if (self->removed_name == NULL)
    return;
  kj_fusion_model_insert_area(self->model, self->removed_position, self->removed_name,
                              self->removed_weight, self->removed_alpha, NULL);
  g_clear_pointer(&self->removed_name, g_free);
  gtk_widget_action_set_enabled(widget, "fusion.undo-remove", FALSE);
}

static void
reset_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjFusionPage *self = KJ_FUSION_PAGE(widget);
  g_autoptr(KjFusionModel) model = kj_fusion_model_new_default();

  /* The seed's example is fixed numbers, not the roadmap's progress. */
  gtk_switch_set_active(self->roadmap_switch, FALSE);
  set_model(self, model);
  schedule_save(self);
}

static void
kj_fusion_page_dispose(GObject *object)
{
  KjFusionPage *self = KJ_FUSION_PAGE(object);

  if (self->save_source != 0) {
    g_clear_handle_id(&self->save_source, g_source_remove);
    kj_fusion_page_save(self);
  }
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data(self->model, self);
  if (self->roadmap != NULL)
    g_signal_handlers_disconnect_by_data(self->roadmap, self);
  g_clear_object(&self->roadmap);
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_FUSION_PAGE);
  g_clear_object(&self->selected);
  g_clear_object(&self->model);
  g_clear_object(&self->settings);
  g_clear_object(&self->contributions_chart);
  g_clear_object(&self->curve_chart);
  g_clear_pointer(&self->removed_name, g_free);
  G_OBJECT_CLASS(kj_fusion_page_parent_class)->dispose(object);
}

static void
kj_fusion_page_class_init(KjFusionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_fusion_page_dispose;

  g_type_ensure(KJ_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource(widget_class, RESOURCE_PATH "/ui/kj-fusion-page.ui");
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, score_label);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, formula_label);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, score_bar);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, attainable_label);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, w1_adjustment);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, w1_scale);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, w1_spin);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, w1_source_label);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, roadmap_switch);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, w1_error_revealer);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, w1_error_label);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, area_list);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, contributions_view);
  gtk_widget_class_bind_template_child(widget_class, KjFusionPage, curve_view);
  gtk_widget_class_bind_template_callback(widget_class, on_row_selected);

  gtk_widget_class_install_action(widget_class, "fusion.add-area", NULL, add_area_activated);
  gtk_widget_class_install_action(widget_class, "fusion.reset", NULL, reset_activated);
  gtk_widget_class_install_action(widget_class, "fusion.remove-area", "s", remove_area_activated);
  gtk_widget_class_install_action(widget_class, "fusion.undo-remove", NULL, undo_remove_activated);
}

static void
kj_fusion_page_init(KjFusionPage *self)
{
  g_autoptr(KjFusionModel) model = kj_fusion_model_new_default();
  GtkEventController *shortcuts;

  gtk_widget_init_template(GTK_WIDGET(self));
  kj_unit_spin_attach(self->w1_spin, self->w1_error_revealer, self->w1_error_label);
  /* One colour at any score: the default offsets are absolute (0.25, 0.75),
   * which mean nothing on a scale whose maximum is 1 + Σ αᵢ. */
  gtk_level_bar_remove_offset_value(self->score_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value(self->score_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value(self->score_bar, GTK_LEVEL_BAR_OFFSET_FULL);

  self->contributions_chart = kj_fusion_charts_new_contributions();
  self->curve_chart = kj_fusion_charts_new_curve();
  kj_chart_view_set_chart(self->contributions_view, self->contributions_chart);
  kj_chart_view_set_chart(self->curve_view, self->curve_chart);

  /* Page shortcuts work wherever the focus is in the window. */
  shortcuts = gtk_shortcut_controller_new();
  gtk_shortcut_controller_set_scope(GTK_SHORTCUT_CONTROLLER(shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut(
      GTK_SHORTCUT_CONTROLLER(shortcuts),
      gtk_shortcut_new(gtk_keyval_trigger_new(GDK_KEY_n, GDK_CONTROL_MASK),
                       gtk_named_action_new("fusion.add-area")));
  gtk_shortcut_controller_add_shortcut(
      GTK_SHORTCUT_CONTROLLER(shortcuts),
      gtk_shortcut_new(gtk_keyval_trigger_new(GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                       gtk_named_action_new("fusion.reset")));
  gtk_widget_add_controller(GTK_WIDGET(self), shortcuts);

  gtk_widget_action_set_enabled(GTK_WIDGET(self), "fusion.undo-remove", FALSE);
  set_model(self, model);
  g_signal_connect_swapped(self->roadmap_switch, "notify::active", G_CALLBACK(on_roadmap_switch),
                           self);
}

/* Replaces the seed example the page opens on with the user's own values. */
void
kj_fusion_page_load(KjFusionPage *self, GSettings *settings)
{
  g_autoptr(KjFusionModel) model = NULL;

  g_return_if_fail(KJ_IS_FUSION_PAGE(self));

  g_set_object(&self->settings, settings);
  model = kj_fusion_settings_load(settings);
  set_model(self, model);
  g_settings_bind(settings, "fusion-use-roadmap", self->roadmap_switch, "active",
                  G_SETTINGS_BIND_DEFAULT);
}

void
kj_fusion_page_save(KjFusionPage *self)
{
  g_return_if_fail(KJ_IS_FUSION_PAGE(self));

  g_clear_handle_id(&self->save_source, g_source_remove);
  if (self->settings != NULL)
    kj_fusion_settings_save(self->settings, self->model);
}

KjFusionModel *
kj_fusion_page_get_model(KjFusionPage *self)
{
  g_return_val_if_fail(KJ_IS_FUSION_PAGE(self), NULL);
  return self->model;
}

const char *
kj_fusion_page_get_score_text(KjFusionPage *self)
{
  g_return_val_if_fail(KJ_IS_FUSION_PAGE(self), NULL);
  return gtk_label_get_text(self->score_label);
}

void
kj_fusion_page_select_area(KjFusionPage *self, guint position)
{
  GtkListBoxRow *row;

  g_return_if_fail(KJ_IS_FUSION_PAGE(self));

  row = gtk_list_box_get_row_at_index(self->area_list, (int)position);
  gtk_list_box_select_row(self->area_list, row);
}

void
kj_fusion_page_set_roadmap(KjFusionPage *self, KjRoadmap *roadmap)
{
  g_return_if_fail(KJ_IS_FUSION_PAGE(self));
  g_return_if_fail(roadmap == NULL || KJ_IS_ROADMAP(roadmap));

  if (self->roadmap != NULL)
    g_signal_handlers_disconnect_by_data(self->roadmap, self);
  g_set_object(&self->roadmap, roadmap);
  if (roadmap != NULL)
    g_signal_connect_swapped(roadmap, "changed", G_CALLBACK(on_roadmap_changed), self);
  follow_roadmap(self, FALSE);
}

gboolean
kj_fusion_page_get_use_roadmap(KjFusionPage *self)
{
  g_return_val_if_fail(KJ_IS_FUSION_PAGE(self), FALSE);
  return gtk_switch_get_active(self->roadmap_switch);
}

void
kj_fusion_page_set_use_roadmap(KjFusionPage *self, gboolean use_roadmap)
{
  g_return_if_fail(KJ_IS_FUSION_PAGE(self));
  gtk_switch_set_active(self->roadmap_switch, use_roadmap);
}
