#include "config.h"

#include <glib/gi18n.h>

#include "kj-roadmap-page-private.h"
#include "kj-roadmap-progress.h"
#include "kj-toast.h"

G_DEFINE_FINAL_TYPE(KjRoadmapPage, kj_roadmap_page, ADW_TYPE_BIN)

/* ---- selection: one node, followed by all three views ---- */

void
kj_roadmap_page_set_selected(KjRoadmapPage *self, KjRoadmapNode *node)
{
  g_return_if_fail(KJ_IS_ROADMAP_PAGE(self));

  if (self->selecting)
    return;
  self->selecting = TRUE;
  g_set_object(&self->selected, node);
  if (kj_roadmap_graph_view_get_selected(self->graph_view) != node)
    kj_roadmap_graph_view_set_selected(self->graph_view, node);
  if (kj_roadmap_outline_get_selected(self->outline) != node)
    kj_roadmap_outline_set_selected(self->outline, node);
  if (kj_roadmap_details_get_node(self->details) != node)
    kj_roadmap_details_set_node(self->details, node);
  /* The graph gets the room while nothing is selected. */
  gtk_revealer_set_reveal_child(self->details_revealer, node != NULL);
  gtk_widget_action_set_enabled(GTK_WIDGET(self), "roadmap.remove-topic", node != NULL);
  self->selecting = FALSE;
}

KjRoadmapNode *
kj_roadmap_page_get_selected(KjRoadmapPage *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_PAGE(self), NULL);
  return self->selected;
}

static void
on_graph_selected(KjRoadmapPage *self)
{
  kj_roadmap_page_set_selected(self, kj_roadmap_graph_view_get_selected(self->graph_view));
}

static void
on_outline_selected(KjRoadmapPage *self)
{
  KjRoadmapNode *node = kj_roadmap_outline_get_selected(self->outline);

  /* A stage or domain row selects no node; the details keep what they show. */
  if (node != NULL)
    kj_roadmap_page_set_selected(self, node);
}

static void
on_details_node_selected(KjRoadmapPage *self, KjRoadmapNode *node)
{
  kj_roadmap_page_set_selected(self, node);
}

static void
on_node_activated(KjRoadmapPage *self, KjRoadmapNode *node)
{
  kj_roadmap_page_set_selected(self, node);
  kj_roadmap_details_focus_title(self->details);
}

static void
on_connect_requested(KjRoadmapPage *self, KjRoadmapNode *from, KjRoadmapNode *to)
{
  g_autoptr(GError) error = NULL;

  if (kj_roadmap_connect(self->roadmap, kj_roadmap_node_get_id(from), kj_roadmap_node_get_id(to),
                         KJ_ROADMAP_EDGE_PREREQUISITE, NULL, &error) == NULL)
    kj_roadmap_page_toast(self, error->message);
}

/* ---- the roadmap's state: progress line, undo, autosave ---- */

static void
update_progress(KjRoadmapPage *self)
{
  g_autoptr(KjRoadmapProgress) progress = kj_roadmap_get_progress(self->roadmap, NULL);
  guint counted = progress->n_nodes - progress->n_skipped;
  g_autofree char *text = NULL;

  if (progress->hours_left > 0)
    /* Translators: overall roadmap progress, e.g. "12 of 58 topics done · 120 h left" */
    text = g_strdup_printf(_("%u of %u topics done · %.0f h left"), progress->n_done, counted,
                           progress->hours_left);
  else
    /* Translators: overall roadmap progress, e.g. "12 of 58 topics done" */
    text = g_strdup_printf(_("%u of %u topics done"), progress->n_done, counted);
  gtk_label_set_text(self->progress_label, text);
  gtk_level_bar_set_value(self->progress_bar, progress->fraction);
}

static void
update_undo_actions(KjRoadmapPage *self)
{
  gtk_widget_action_set_enabled(GTK_WIDGET(self), "roadmap.undo",
                                kj_roadmap_can_undo(self->roadmap));
  gtk_widget_action_set_enabled(GTK_WIDGET(self), "roadmap.redo",
                                kj_roadmap_can_redo(self->roadmap));
}

static void
on_roadmap_changed(KjRoadmapPage *self)
{
  update_progress(self);
  update_undo_actions(self);
  /* Undoing a node's creation takes the selection with it. */
  if (self->selected != NULL && !kj_roadmap_find_node(self->roadmap, self->selected, NULL))
    kj_roadmap_page_set_selected(self, NULL);
  if (kj_roadmap_get_modified(self->roadmap))
    kj_roadmap_page_schedule_autosave(self);
}

static void
update_zoom_label(KjRoadmapPage *self)
{
  g_autofree char *text =
      g_strdup_printf("%.0f%%", 100.0 * kj_roadmap_graph_view_get_zoom(self->graph_view));

  gtk_button_set_label(self->zoom_button, text);
}

static gboolean
update_zoom_label_now(gpointer user_data)
{
  KjRoadmapPage *self = user_data;

  self->zoom_source = 0;
  update_zoom_label(self);
  return G_SOURCE_REMOVE;
}

/* The view fits the graph while it is being allocated; relabelling the
 * button there would resize the toolbar mid-allocation, which GTK 4.8 then
 * draws unallocated.  So the label follows just after. */
static void
zoom_changed(KjRoadmapPage *self)
{
  if (self->zoom_source == 0)
    self->zoom_source = g_idle_add(update_zoom_label_now, self);
}

/* ---- actions ---- */

static void
add_topic_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapPage *self = KJ_ROADMAP_PAGE(widget);
  KjRoadmapNode *after = self->selected;
  KjRoadmapNode *node;

  /* One step: the new topic, where the selected one is, leading on from it. */
  kj_roadmap_begin_user_action(self->roadmap);
  node = kj_roadmap_create_node(self->roadmap, _("New topic"), KJ_ROADMAP_NODE_KIND_SKILL);
  if (after != NULL) {
    kj_roadmap_node_set_stage(node, kj_roadmap_node_get_stage(after));
    kj_roadmap_node_set_domain(node, kj_roadmap_node_get_effective_domain(after));
    kj_roadmap_node_set_group(node, kj_roadmap_node_get_group(after));
    kj_roadmap_connect(self->roadmap, kj_roadmap_node_get_id(after), kj_roadmap_node_get_id(node),
                       KJ_ROADMAP_EDGE_PREREQUISITE, NULL, NULL);
  }
  kj_roadmap_end_user_action(self->roadmap);
  kj_roadmap_page_set_selected(self, node);
  kj_roadmap_details_focus_title(self->details);
}

static void
remove_topic_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapPage *self = KJ_ROADMAP_PAGE(widget);
  g_autoptr(KjRoadmapNode) node = self->selected != NULL ? g_object_ref(self->selected) : NULL;
  g_autofree char *message = NULL;

  if (node == NULL)
    return;
  kj_roadmap_page_set_selected(self, NULL);
  kj_roadmap_remove_node(self->roadmap, node);

  message = g_strdup_printf(_("“%s” removed"), kj_roadmap_node_get_title(node));
  kj_toast_show_with_action(widget, message, _("_Undo"), "roadmap.undo");
}

static void
undo_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapPage *self = KJ_ROADMAP_PAGE(widget);

  if (g_str_equal(action_name, "roadmap.undo"))
    kj_roadmap_undo(self->roadmap);
  else
    kj_roadmap_redo(self->roadmap);
}

static void
zoom_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapPage *self = KJ_ROADMAP_PAGE(widget);

  if (g_str_equal(action_name, "roadmap.zoom-in"))
    kj_roadmap_graph_view_zoom_in(self->graph_view);
  else if (g_str_equal(action_name, "roadmap.zoom-out"))
    kj_roadmap_graph_view_zoom_out(self->graph_view);
  else
    kj_roadmap_graph_view_zoom_fit(self->graph_view);
}

static void
search_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapPage *self = KJ_ROADMAP_PAGE(widget);

  gtk_toggle_button_set_active(self->outline_button, TRUE);
  kj_roadmap_outline_focus_search(self->outline);
}

static void
toggle_outline_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapPage *self = KJ_ROADMAP_PAGE(widget);

  gtk_toggle_button_set_active(self->outline_button,
                               !gtk_toggle_button_get_active(self->outline_button));
}

/* ---- life ---- */

static void
kj_roadmap_page_dispose(GObject *object)
{
  KjRoadmapPage *self = KJ_ROADMAP_PAGE(object);

  g_clear_handle_id(&self->zoom_source, g_source_remove);
  kj_roadmap_page_files_dispose(self);
  if (self->roadmap != NULL)
    g_signal_handlers_disconnect_by_data(self->roadmap, self);
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_ROADMAP_PAGE);
  g_clear_object(&self->selected);
  g_clear_object(&self->roadmap);
  G_OBJECT_CLASS(kj_roadmap_page_parent_class)->dispose(object);
}

static void
add_shortcut(GtkShortcutController *controller, guint keyval, GdkModifierType modifiers,
             const char *action)
{
  gtk_shortcut_controller_add_shortcut(
      controller,
      gtk_shortcut_new(gtk_keyval_trigger_new(keyval, modifiers), gtk_named_action_new(action)));
}

static void
kj_roadmap_page_class_init(KjRoadmapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_roadmap_page_dispose;

  g_type_ensure(KJ_TYPE_ROADMAP_OUTLINE);
  g_type_ensure(KJ_TYPE_ROADMAP_GRAPH_VIEW);
  g_type_ensure(KJ_TYPE_ROADMAP_DETAILS);
  gtk_widget_class_set_template_from_resource(widget_class, RESOURCE_PATH "/ui/kj-roadmap-page.ui");
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapPage, flap);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapPage, outline_button);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapPage, outline);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapPage, graph_view);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapPage, details_revealer);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapPage, details);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapPage, progress_label);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapPage, progress_bar);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapPage, zoom_button);

  gtk_widget_class_install_action(widget_class, "roadmap.add-topic", NULL, add_topic_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.remove-topic", NULL,
                                  remove_topic_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.undo", NULL, undo_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.redo", NULL, undo_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.search", NULL, search_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.toggle-outline", NULL,
                                  toggle_outline_activated);
  kj_roadmap_page_install_file_actions(widget_class);
}

static void
kj_roadmap_page_init(KjRoadmapPage *self)
{
  GtkEventController *shortcuts;
  GtkEventController *graph_shortcuts;

  gtk_widget_init_template(GTK_WIDGET(self));
  self->roadmap = kj_roadmap_new();
  g_signal_connect_swapped(self->roadmap, "changed", G_CALLBACK(on_roadmap_changed), self);
  kj_roadmap_graph_view_set_roadmap(self->graph_view, self->roadmap);
  kj_roadmap_outline_set_roadmap(self->outline, self->roadmap);
  kj_roadmap_details_set_roadmap(self->details, self->roadmap);

  g_signal_connect_swapped(self->graph_view, "notify::selected", G_CALLBACK(on_graph_selected),
                           self);
  g_signal_connect_swapped(self->graph_view, "node-activated", G_CALLBACK(on_node_activated), self);
  g_signal_connect_swapped(self->graph_view, "connect-requested", G_CALLBACK(on_connect_requested),
                           self);
  g_signal_connect_swapped(self->graph_view, "notify::zoom", G_CALLBACK(zoom_changed), self);
  g_signal_connect_swapped(self->outline, "notify::selected", G_CALLBACK(on_outline_selected),
                           self);
  g_signal_connect_swapped(self->outline, "node-activated", G_CALLBACK(on_node_activated), self);
  g_signal_connect_swapped(self->details, "node-selected", G_CALLBACK(on_details_node_selected),
                           self);

  /* Page shortcuts work wherever the focus is in the page; text fields take
   * their own keys first (bubble phase). */
  shortcuts = gtk_shortcut_controller_new();
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_n, GDK_CONTROL_MASK,
               "roadmap.add-topic");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_z, GDK_CONTROL_MASK, "roadmap.undo");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
               "roadmap.redo");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_y, GDK_CONTROL_MASK, "roadmap.redo");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_plus, GDK_CONTROL_MASK,
               "roadmap.zoom-in");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_equal, GDK_CONTROL_MASK,
               "roadmap.zoom-in");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_KP_Add, GDK_CONTROL_MASK,
               "roadmap.zoom-in");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_minus, GDK_CONTROL_MASK,
               "roadmap.zoom-out");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
               "roadmap.zoom-out");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_0, GDK_CONTROL_MASK, "roadmap.zoom-fit");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_f, GDK_CONTROL_MASK, "roadmap.search");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_F9, 0, "roadmap.toggle-outline");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_o, GDK_CONTROL_MASK, "roadmap.open");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
               "roadmap.save-as");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(shortcuts), GDK_KEY_e, GDK_CONTROL_MASK,
               "roadmap.export-image");
  gtk_widget_add_controller(GTK_WIDGET(self), shortcuts);

  /* Delete removes a topic only from the graph: elsewhere it edits text. */
  graph_shortcuts = gtk_shortcut_controller_new();
  add_shortcut(GTK_SHORTCUT_CONTROLLER(graph_shortcuts), GDK_KEY_Delete, 0, "roadmap.remove-topic");
  add_shortcut(GTK_SHORTCUT_CONTROLLER(graph_shortcuts), GDK_KEY_KP_Delete, 0,
               "roadmap.remove-topic");
  gtk_widget_add_controller(GTK_WIDGET(self->graph_view), graph_shortcuts);

  gtk_widget_action_set_enabled(GTK_WIDGET(self), "roadmap.undo-replace", FALSE);
  kj_roadmap_page_set_selected(self, NULL);
  update_progress(self);
  update_undo_actions(self);
  update_zoom_label(self);
}

KjRoadmap *
kj_roadmap_page_get_roadmap(KjRoadmapPage *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_PAGE(self), NULL);
  return self->roadmap;
}

const char *
kj_roadmap_page_get_progress_text(KjRoadmapPage *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_PAGE(self), NULL);
  return gtk_label_get_text(self->progress_label);
}
