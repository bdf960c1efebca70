#include "config.h"

#include "kj-roadmap-details-links.h"

#include <glib/gi18n.h>

#include "kj-error.h"
#include "kj-toast.h"

struct _KjRoadmapDetailsLinks {
  AdwPreferencesGroup parent_instance;

  /* template widgets */
  GtkListBox *list;
  AdwEntryRow *add_row;

  /* owned */
  KjRoadmapNode *node;
};

G_DEFINE_FINAL_TYPE(KjRoadmapDetailsLinks, kj_roadmap_details_links, ADW_TYPE_PREFERENCES_GROUP)

char *
kj_roadmap_details_links_parse(const char *text, GError **error)
{
  g_autofree char *link = g_strstrip(g_strdup(text != NULL ? text : ""));
  g_autoptr(GError) uri_error = NULL;

  if (*link == '\0') {
    g_set_error_literal(error, KJ_ERROR, KJ_ERROR_PARSE, _("Type a web address to add a link"));
    return NULL;
  }
  /* What people type for a web page; every other link names its scheme. */
  if (g_ascii_strncasecmp(link, "www.", 4) == 0) {
    char *web = g_strconcat("https://", link, NULL);

    g_free(link);
    link = web;
  }
  if (!g_uri_is_valid(link, G_URI_FLAGS_NONE, &uri_error)) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                /* Translators: %s is what the user typed as a link. */
                _("“%s” is not a full address; links start with a scheme such as https://"), link);
    return NULL;
  }
  return g_steal_pointer(&link);
}

/* ---- the rows ---- */

static GtkWidget *
icon_button_new(const char *icon_name, const char *label, const char *action, guint index)
{
  GtkWidget *button = gtk_button_new_from_icon_name(icon_name);

  gtk_widget_set_tooltip_text(button, label);
  gtk_accessible_update_property(GTK_ACCESSIBLE(button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign(button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class(button, "flat");
  gtk_actionable_set_action_name(GTK_ACTIONABLE(button), action);
  gtk_actionable_set_action_target(GTK_ACTIONABLE(button), "u", index);
  return button;
}

static GtkWidget *
link_row_new(const char *link, guint index)
{
  GtkWidget *row = adw_action_row_new();
  GtkWidget *open =
      icon_button_new("adw-external-link-symbolic", _("Open link"), "links.open", index);
  GtkWidget *remove =
      icon_button_new("user-trash-symbolic", _("Remove link"), "links.remove", index);

  /* A link is plain text, never markup ('&' is common in URLs). */
  adw_preferences_row_set_use_markup(ADW_PREFERENCES_ROW(row), FALSE);
  adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), link);
  adw_action_row_set_title_lines(ADW_ACTION_ROW(row), 1);
  gtk_widget_set_tooltip_text(row, link);
  adw_action_row_add_suffix(ADW_ACTION_ROW(row), open);
  adw_action_row_add_suffix(ADW_ACTION_ROW(row), remove);
  adw_action_row_set_activatable_widget(ADW_ACTION_ROW(row), open);
  return row;
}

static void
rebuild(KjRoadmapDetailsLinks *self)
{
  const char *const *links = self->node != NULL ? kj_roadmap_node_get_links(self->node) : NULL;
  GtkWidget *child;

  /* Everything before the entry row is a link row. */
  while ((child = gtk_widget_get_first_child(GTK_WIDGET(self->list))) != GTK_WIDGET(self->add_row))
    gtk_list_box_remove(self->list, child);
  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    gtk_list_box_insert(self->list, link_row_new(links[i], i), (int)i);
}

/* ---- editing ---- */

static gboolean
is_blank(const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char(text))
    if (!g_unichar_isspace(g_utf8_get_char(text)))
      return FALSE;
  return TRUE;
}

static void
refuse(KjRoadmapDetailsLinks *self, const char *message)
{
  gtk_widget_add_css_class(GTK_WIDGET(self->add_row), "error");
  kj_toast_show(GTK_WIDGET(self), message);
}

static void
on_add_row_apply(KjRoadmapDetailsLinks *self)
{
  const char *text = gtk_editable_get_text(GTK_EDITABLE(self->add_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) links = NULL;
  const char *const *old;

  /* Enter in an empty entry is no mistake worth a toast. */
  if (self->node == NULL || is_blank(text))
    return;
  link = kj_roadmap_details_links_parse(text, &error);
  if (link == NULL) {
    refuse(self, error->message);
    return;
  }
  old = kj_roadmap_node_get_links(self->node);
  if (g_strv_contains(old, link)) {
    refuse(self, _("The topic has this link already"));
    return;
  }
  builder = g_strv_builder_new();
  g_strv_builder_addv(builder, (const char **)old);
  g_strv_builder_add(builder, link);
  links = g_strv_builder_end(builder);
  /* Cleared first: the rows are rebuilt by the change. */
  gtk_editable_set_text(GTK_EDITABLE(self->add_row), "");
  kj_roadmap_node_set_links(self->node, (const char *const *)links);
}

static void
on_add_row_changed(KjRoadmapDetailsLinks *self)
{
  gtk_widget_remove_css_class(GTK_WIDGET(self->add_row), "error");
}

static void
open_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapDetailsLinks *self = KJ_ROADMAP_DETAILS_LINKS(widget);
  guint index = g_variant_get_uint32(parameter);
  GtkRoot *root = gtk_widget_get_root(widget);
  const char *const *links;

  if (self->node == NULL)
    return;
  links = kj_roadmap_node_get_links(self->node);
  if (index < g_strv_length((char **)links))
    gtk_show_uri(GTK_IS_WINDOW(root) ? GTK_WINDOW(root) : NULL, links[index], GDK_CURRENT_TIME);
}

static void
remove_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapDetailsLinks *self = KJ_ROADMAP_DETAILS_LINKS(widget);
  guint index = g_variant_get_uint32(parameter);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
  g_auto(GStrv) links = NULL;
  const char *const *old;

  if (self->node == NULL)
    return;
  old = kj_roadmap_node_get_links(self->node);
  if (index >= g_strv_length((char **)old))
    return;
  for (guint i = 0; old[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add(builder, old[i]);
  links = g_strv_builder_end(builder);
  kj_roadmap_node_set_links(self->node, (const char *const *)links);
}

/* ---- the object ---- */

void
kj_roadmap_details_links_set_node(KjRoadmapDetailsLinks *self, KjRoadmapNode *node)
{
  g_return_if_fail(KJ_IS_ROADMAP_DETAILS_LINKS(self));
  g_return_if_fail(node == NULL || KJ_IS_ROADMAP_NODE(node));

  if (self->node == node)
    return;
  if (self->node != NULL)
    g_signal_handlers_disconnect_by_data(self->node, self);
  g_set_object(&self->node, node);
  if (node != NULL)
    g_signal_connect_swapped(node, "notify::links", G_CALLBACK(rebuild), self);
  /* A half-typed link belongs to the topic it was typed for. */
  gtk_editable_set_text(GTK_EDITABLE(self->add_row), "");
  gtk_widget_remove_css_class(GTK_WIDGET(self->add_row), "error");
  rebuild(self);
}

GtkWidget *
kj_roadmap_details_links_new(void)
{
  return g_object_new(KJ_TYPE_ROADMAP_DETAILS_LINKS, NULL);
}

static void
kj_roadmap_details_links_dispose(GObject *object)
{
  KjRoadmapDetailsLinks *self = KJ_ROADMAP_DETAILS_LINKS(object);

  if (self->node != NULL)
    g_signal_handlers_disconnect_by_data(self->node, self);
  g_clear_object(&self->node);
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_ROADMAP_DETAILS_LINKS);
  G_OBJECT_CLASS(kj_roadmap_details_links_parent_class)->dispose(object);
}

static void
kj_roadmap_details_links_class_init(KjRoadmapDetailsLinksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_roadmap_details_links_dispose;

  gtk_widget_class_set_template_from_resource(widget_class,
                                              RESOURCE_PATH "/ui/kj-roadmap-details-links.ui");
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetailsLinks, list);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetailsLinks, add_row);
  gtk_widget_class_bind_template_callback(widget_class, on_add_row_apply);
  gtk_widget_class_bind_template_callback(widget_class, on_add_row_changed);

  gtk_widget_class_install_action(widget_class, "links.open", "u", open_activated);
  gtk_widget_class_install_action(widget_class, "links.remove", "u", remove_activated);
}

static void
kj_roadmap_details_links_init(KjRoadmapDetailsLinks *self)
{
  gtk_widget_init_template(GTK_WIDGET(self));
}
