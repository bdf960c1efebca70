/* Widget tests of the Roadmap page's details panel, run under Xvfb: it
 * shows a node's fields, writes each edit as one undo step (typing merges),
 * follows undo and other views without writing back, edits links and
 * connections, removes the topic, and shows a status page without one.
 * Screenshots go to $KJ_SCREENSHOT_DIR when it is set. */
#include "config.h"

#include <adwaita.h>

#include "kj-error.h"
#include "kj-roadmap-connect-popover.h"
#include "kj-roadmap-details-connections.h"
#include "kj-roadmap-details-links.h"
#include "kj-roadmap-details.h"
#include "kj-test-window-util.h"

/* ---- helpers ---- */

static void
scroll_to_end(GtkWidget *inside)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor(inside, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull(scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment(GTK_SCROLLED_WINDOW(scrolled));
  gtk_adjustment_set_value(adjustment, gtk_adjustment_get_upper(adjustment) -
                                           gtk_adjustment_get_page_size(adjustment));
  gtk_test_widget_wait_for_draw(inside);
  kj_test_iterate(50);
}

/* Rows of a list box, the ones shown. */
static guint
count_rows(GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child(GTK_WIDGET(list)); child != NULL;
       child = gtk_widget_get_next_sibling(child))
    if (GTK_IS_LIST_BOX_ROW(child) && gtk_widget_get_visible(child))
      n++;
  return n;
}

static const char *
row_title(GtkListBox *list, int index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index(list, index);

  g_assert_nonnull(row);
  return adw_preferences_row_get_title(ADW_PREFERENCES_ROW(row));
}

static char *
buffer_text(GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer(view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds(buffer, &start, &end);
  return gtk_text_buffer_get_text(buffer, &start, &end, FALSE);
}

static const char *
selected_string(AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item(row);

  g_assert_true(GTK_IS_STRING_OBJECT(item));
  return gtk_string_object_get_string(item);
}

/* ---- the fixture: a roadmap of five topics in a window ---- */

typedef struct {
  KjRoadmap *roadmap;
  KjRoadmapNode *ai, *python, *numpy, *cnn, *math;
  GtkWindow *window;
  KjRoadmapDetails *details;
  KjRoadmapDetailsLinks *links;
  KjRoadmapDetailsConnections *connections;
  KjRoadmapConnectPopover *popover;
} Fixture;

static GObject *
details_child(Fixture *f, const char *name)
{
  return gtk_widget_get_template_child(GTK_WIDGET(f->details), KJ_TYPE_ROADMAP_DETAILS, name);
}

static GtkListBox *
links_list(Fixture *f)
{
  return GTK_LIST_BOX(
      gtk_widget_get_template_child(GTK_WIDGET(f->links), KJ_TYPE_ROADMAP_DETAILS_LINKS, "list"));
}

static AdwEntryRow *
links_add_row(Fixture *f)
{
  return ADW_ENTRY_ROW(gtk_widget_get_template_child(GTK_WIDGET(f->links),
                                                     KJ_TYPE_ROADMAP_DETAILS_LINKS, "add_row"));
}

/* Link rows only: the entry row is last. */
static guint
count_links(Fixture *f)
{
  return count_rows(links_list(f)) - 1;
}

static GtkListBox *
connections_list(Fixture *f, const char *name)
{
  return GTK_LIST_BOX(gtk_widget_get_template_child(GTK_WIDGET(f->connections),
                                                    KJ_TYPE_ROADMAP_DETAILS_CONNECTIONS, name));
}

static const char *
visible_page(Fixture *f)
{
  return gtk_stack_get_visible_child_name(GTK_STACK(details_child(f, "stack")));
}

static void
add_links(Fixture *f, const char *text)
{
  gtk_editable_set_text(GTK_EDITABLE(links_add_row(f)), text);
  g_signal_emit_by_name(links_add_row(f), "apply");
}

static void
fixture_set_up(Fixture *f, gconstpointer data)
{
  static const char *const links[] = { "https://docs.python.org/3/", NULL };
  GtkWidget *overlay = adw_toast_overlay_new();
  g_autoptr(GError) error = NULL;

  f->roadmap = kj_roadmap_new();
  f->ai = kj_roadmap_create_node(f->roadmap, "AI", KJ_ROADMAP_NODE_KIND_DOMAIN);
  f->python = kj_roadmap_create_node(f->roadmap, "Python", KJ_ROADMAP_NODE_KIND_SKILL);
  f->numpy = kj_roadmap_create_node(f->roadmap, "NumPy", KJ_ROADMAP_NODE_KIND_TOOL);
  f->cnn = kj_roadmap_create_node(f->roadmap, "CNN Project", KJ_ROADMAP_NODE_KIND_PROJECT);
  f->math = kj_roadmap_create_node(f->roadmap, "Linear Algebra", KJ_ROADMAP_NODE_KIND_CONCEPT);
  kj_roadmap_node_set_stage(f->python, KJ_ROADMAP_STAGE_FOUNDATIONS);
  kj_roadmap_node_set_status(f->python, KJ_ROADMAP_STATUS_LEARNING);
  kj_roadmap_node_set_domain(f->python, kj_roadmap_node_get_id(f->ai));
  kj_roadmap_node_set_estimated_hours(f->python, 20.0);
  kj_roadmap_node_set_description(f->python, "A language for data & models.");
  kj_roadmap_node_set_notes(f->python, "Read the tutorial first.");
  kj_roadmap_node_set_links(f->python, links);
  g_assert_nonnull(
      kj_roadmap_connect(f->roadmap, "ai", "python", KJ_ROADMAP_EDGE_PREREQUISITE, NULL, &error));
  g_assert_nonnull(kj_roadmap_connect(f->roadmap, "python", "numpy", KJ_ROADMAP_EDGE_PREREQUISITE,
                                      NULL, &error));
  g_assert_nonnull(kj_roadmap_connect(f->roadmap, "python", "cnn-project",
                                      KJ_ROADMAP_EDGE_RELATES_TO, "used by", &error));
  kj_roadmap_clear_history(f->roadmap);

  f->details = KJ_ROADMAP_DETAILS(kj_roadmap_details_new());
  kj_roadmap_details_set_roadmap(f->details, f->roadmap);
  f->links = KJ_ROADMAP_DETAILS_LINKS(details_child(f, "links_group"));
  f->connections = KJ_ROADMAP_DETAILS_CONNECTIONS(details_child(f, "connections_group"));
  f->popover = KJ_ROADMAP_CONNECT_POPOVER(gtk_widget_get_template_child(
      GTK_WIDGET(f->connections), KJ_TYPE_ROADMAP_DETAILS_CONNECTIONS, "connect_popover"));

  adw_toast_overlay_set_child(ADW_TOAST_OVERLAY(overlay), GTK_WIDGET(f->details));
  f->window = kj_test_show_in_window(overlay, 400, 1100);
}

static void
fixture_tear_down(Fixture *f, gconstpointer data)
{
  kj_test_close_window(f->window);
  /* The panel let go of the roadmap. */
  g_assert_finalize_object(f->roadmap);
}

/* ---- tests ---- */

static void
test_empty(Fixture *f, gconstpointer data)
{
  g_assert_null(kj_roadmap_details_get_node(f->details));
  g_assert_cmpstr(visible_page(f), ==, "empty");
  kj_test_save_screenshot(GTK_WIDGET(f->window), "roadmap-details-empty.png");

  kj_roadmap_details_set_node(f->details, f->python);
  g_assert_cmpstr(visible_page(f), ==, "details");
  kj_roadmap_details_set_node(f->details, NULL);
  g_assert_null(kj_roadmap_details_get_node(f->details));
  g_assert_cmpstr(visible_page(f), ==, "empty");
}

static void
test_fill(Fixture *f, gconstpointer data)
{
  g_autofree char *description = NULL;
  g_autofree char *notes = NULL;
  GtkListBox *needs = connections_list(f, "needs_list");
  GtkListBox *leads = connections_list(f, "leads_list");
  GtkListBox *related = connections_list(f, "related_list");

  kj_roadmap_details_set_node(f->details, f->python);
  g_assert_true(kj_roadmap_details_get_node(f->details) == f->python);
  g_assert_cmpstr(visible_page(f), ==, "details");
  g_assert_cmpstr(gtk_editable_get_text(GTK_EDITABLE(details_child(f, "title_row"))), ==, "Python");
  g_assert_cmpuint(adw_combo_row_get_selected(ADW_COMBO_ROW(details_child(f, "kind_row"))), ==,
                   KJ_ROADMAP_NODE_KIND_SKILL);
  g_assert_cmpstr(selected_string(ADW_COMBO_ROW(details_child(f, "kind_row"))), ==,
                  kj_roadmap_node_kind_get_label(KJ_ROADMAP_NODE_KIND_SKILL));
  g_assert_cmpuint(adw_combo_row_get_selected(ADW_COMBO_ROW(details_child(f, "stage_row"))), ==,
                   KJ_ROADMAP_STAGE_FOUNDATIONS);
  g_assert_cmpuint(adw_combo_row_get_selected(ADW_COMBO_ROW(details_child(f, "status_row"))), ==,
                   KJ_ROADMAP_STATUS_LEARNING);
  /* None and the one domain node. */
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(details_child(f, "domain_names"))), ==, 2);
  g_assert_cmpstr(selected_string(ADW_COMBO_ROW(details_child(f, "domain_row"))), ==, "AI");
  g_assert_cmpfloat_with_epsilon(
      gtk_adjustment_get_value(GTK_ADJUSTMENT(details_child(f, "hours_adjustment"))), 20.0, 1e-9);
  description = buffer_text(GTK_TEXT_VIEW(details_child(f, "description_view")));
  g_assert_cmpstr(description, ==, "A language for data & models.");
  notes = buffer_text(GTK_TEXT_VIEW(details_child(f, "notes_view")));
  g_assert_cmpstr(notes, ==, "Read the tutorial first.");

  g_assert_cmpuint(count_links(f), ==, 1);
  g_assert_cmpstr(row_title(links_list(f), 0), ==, "https://docs.python.org/3/");

  g_assert_cmpuint(count_rows(needs), ==, 1);
  g_assert_cmpstr(row_title(needs, 0), ==, "AI");
  g_assert_cmpuint(count_rows(leads), ==, 1);
  g_assert_cmpstr(row_title(leads, 0), ==, "NumPy");
  g_assert_cmpuint(count_rows(related), ==, 1);
  g_assert_cmpstr(row_title(related, 0), ==, "CNN Project");
  g_assert_cmpstr(
      adw_action_row_get_subtitle(ADW_ACTION_ROW(gtk_list_box_get_row_at_index(related, 0))), ==,
      "used by");
  kj_test_iterate(50);
  kj_test_save_screenshot(GTK_WIDGET(f->window), "roadmap-details.png");
  scroll_to_end(GTK_WIDGET(f->connections));
  kj_test_save_screenshot(GTK_WIDGET(f->window), "roadmap-details-end.png");

  /* Showing is no edit: nothing to undo, and the other node's view too. */
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
  kj_roadmap_details_set_node(f->details, f->numpy);
  g_assert_cmpstr(gtk_editable_get_text(GTK_EDITABLE(details_child(f, "title_row"))), ==, "NumPy");
  g_assert_cmpuint(count_links(f), ==, 0);
  g_assert_cmpuint(count_rows(needs), ==, 1);
  g_assert_cmpstr(row_title(needs, 0), ==, "Python");
  g_assert_cmpuint(count_rows(leads), ==, 0);
  g_assert_false(gtk_widget_get_visible(GTK_WIDGET(leads)));
  g_assert_cmpstr(selected_string(ADW_COMBO_ROW(details_child(f, "domain_row"))), ==, "None");
  kj_roadmap_details_set_node(f->details, f->python);
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
}

static void
test_title(Fixture *f, gconstpointer data)
{
  GtkEditable *title_row = GTK_EDITABLE(details_child(f, "title_row"));

  kj_roadmap_details_set_node(f->details, f->python);
  kj_roadmap_details_focus_title(f->details);
  gtk_editable_set_text(title_row, "Python 3");
  g_assert_cmpstr(kj_roadmap_node_get_title(f->python), ==, "Python 3");
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
  g_assert_cmpstr(kj_roadmap_node_get_title(f->python), ==, "Python");
  g_assert_cmpstr(gtk_editable_get_text(title_row), ==, "Python");
  g_assert_true(kj_roadmap_redo(f->roadmap));
  g_assert_cmpstr(gtk_editable_get_text(title_row), ==, "Python 3");

  /* A change made elsewhere shows, and is not written back. */
  kj_roadmap_node_set_title(f->python, "Py");
  g_assert_cmpstr(gtk_editable_get_text(title_row), ==, "Py");
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_cmpstr(gtk_editable_get_text(title_row), ==, "Python 3");

  /* Connection rows show other titles as they change. */
  kj_roadmap_details_set_node(f->details, f->numpy);
  g_assert_cmpstr(row_title(connections_list(f, "needs_list"), 0), ==, "Python 3");
}

static void
test_combos(Fixture *f, gconstpointer data)
{
  AdwComboRow *status_row = ADW_COMBO_ROW(details_child(f, "status_row"));
  AdwComboRow *kind_row = ADW_COMBO_ROW(details_child(f, "kind_row"));
  AdwComboRow *domain_row = ADW_COMBO_ROW(details_child(f, "domain_row"));
  GListModel *domains = G_LIST_MODEL(details_child(f, "domain_names"));
  GtkAdjustment *hours = GTK_ADJUSTMENT(details_child(f, "hours_adjustment"));

  kj_roadmap_details_set_node(f->details, f->python);
  adw_combo_row_set_selected(status_row, KJ_ROADMAP_STATUS_DONE);
  g_assert_cmpint(kj_roadmap_node_get_status(f->python), ==, KJ_ROADMAP_STATUS_DONE);
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
  g_assert_cmpint(kj_roadmap_node_get_status(f->python), ==, KJ_ROADMAP_STATUS_LEARNING);
  g_assert_cmpuint(adw_combo_row_get_selected(status_row), ==, KJ_ROADMAP_STATUS_LEARNING);

  /* Another view changes the kind; the row follows without an edit. */
  kj_roadmap_node_set_kind(f->python, KJ_ROADMAP_NODE_KIND_TOOL);
  g_assert_cmpuint(adw_combo_row_get_selected(kind_row), ==, KJ_ROADMAP_NODE_KIND_TOOL);
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
  g_assert_cmpuint(adw_combo_row_get_selected(kind_row), ==, KJ_ROADMAP_NODE_KIND_SKILL);

  /* The domains follow the roadmap: a new domain node is listed. */
  g_assert_nonnull(kj_roadmap_create_node(f->roadmap, "Blockchain", KJ_ROADMAP_NODE_KIND_DOMAIN));
  g_assert_cmpuint(g_list_model_get_n_items(domains), ==, 3);
  g_assert_cmpstr(gtk_string_list_get_string(GTK_STRING_LIST(domains), 2), ==, "Blockchain");
  g_assert_cmpstr(selected_string(domain_row), ==, "AI");
  adw_combo_row_set_selected(domain_row, 2);
  g_assert_cmpstr(kj_roadmap_node_get_domain(f->python), ==, "blockchain");
  adw_combo_row_set_selected(domain_row, 0);
  g_assert_null(kj_roadmap_node_get_domain(f->python));
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_cmpstr(selected_string(domain_row), ==, "AI");
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_cmpuint(g_list_model_get_n_items(domains), ==, 2);
  g_assert_false(kj_roadmap_can_undo(f->roadmap));

  /* Hours: one step; what the spin button shows reads back as no edit. */
  gtk_adjustment_set_value(hours, 12.5);
  g_assert_cmpfloat_with_epsilon(kj_roadmap_node_get_estimated_hours(f->python), 12.5, 1e-9);
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
  g_assert_cmpfloat_with_epsilon(gtk_adjustment_get_value(hours), 20.0, 1e-9);
  kj_roadmap_node_set_estimated_hours(f->python, 2.25);
  kj_roadmap_clear_history(f->roadmap);
  gtk_adjustment_set_value(hours, 2.3);
  g_assert_cmpfloat_with_epsilon(kj_roadmap_node_get_estimated_hours(f->python), 2.25, 1e-9);
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
}

static void
test_text(Fixture *f, gconstpointer data)
{
  GtkTextView *view = GTK_TEXT_VIEW(details_child(f, "description_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer(view);
  GtkTextIter end;
  g_autofree char *shown = NULL;

  kj_roadmap_details_set_node(f->details, f->python);
  gtk_text_buffer_get_end_iter(buffer, &end);
  gtk_text_buffer_place_cursor(buffer, &end);
  gtk_text_buffer_insert_at_cursor(buffer, " Fast", -1);
  gtk_text_buffer_insert_at_cursor(buffer, " enough.", -1);
  g_assert_cmpstr(kj_roadmap_node_get_description(f->python), ==,
                  "A language for data & models. Fast enough.");
  /* Two keystrokes, one step. */
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
  g_assert_cmpstr(kj_roadmap_node_get_description(f->python), ==, "A language for data & models.");
  shown = buffer_text(view);
  g_assert_cmpstr(shown, ==, "A language for data & models.");

  /* Notes too, and a step apart from the description's. */
  gtk_text_buffer_set_text(gtk_text_view_get_buffer(GTK_TEXT_VIEW(details_child(f, "notes_view"))),
                           "Done with chapter 4.", -1);
  g_assert_cmpstr(kj_roadmap_node_get_notes(f->python), ==, "Done with chapter 4.");
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_cmpstr(kj_roadmap_node_get_notes(f->python), ==, "Read the tutorial first.");
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
}

static void
test_links(Fixture *f, gconstpointer data)
{
  AdwEntryRow *add_row = links_add_row(f);
  const char *const *links;
  g_autofree char *web = NULL;
  g_autofree char *mail = NULL;
  g_autoptr(GError) error = NULL;

  web = kj_roadmap_details_links_parse("  www.example.org ", NULL);
  g_assert_cmpstr(web, ==, "https://www.example.org");
  mail = kj_roadmap_details_links_parse("mailto:someone@example.org", NULL);
  g_assert_cmpstr(mail, ==, "mailto:someone@example.org");
  g_assert_null(kj_roadmap_details_links_parse("example.org", &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
  g_assert_null(kj_roadmap_details_links_parse("", NULL));

  kj_roadmap_details_set_node(f->details, f->python);
  add_links(f, "not a link");
  g_assert_cmpuint(g_strv_length((char **)kj_roadmap_node_get_links(f->python)), ==, 1);
  g_assert_true(gtk_widget_has_css_class(GTK_WIDGET(add_row), "error"));
  g_assert_false(kj_roadmap_can_undo(f->roadmap));

  add_links(f, "www.example.org");
  g_assert_false(gtk_widget_has_css_class(GTK_WIDGET(add_row), "error"));
  links = kj_roadmap_node_get_links(f->python);
  g_assert_cmpuint(g_strv_length((char **)links), ==, 2);
  g_assert_cmpstr(links[1], ==, "https://www.example.org");
  g_assert_cmpstr(gtk_editable_get_text(GTK_EDITABLE(add_row)), ==, "");
  g_assert_cmpuint(count_links(f), ==, 2);
  g_assert_cmpstr(row_title(links_list(f), 1), ==, "https://www.example.org");

  /* The same link twice is refused. */
  add_links(f, "https://www.example.org");
  g_assert_true(gtk_widget_has_css_class(GTK_WIDGET(add_row), "error"));
  g_assert_cmpuint(g_strv_length((char **)kj_roadmap_node_get_links(f->python)), ==, 2);

  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(f->links), "links.remove", "u", 0));
  links = kj_roadmap_node_get_links(f->python);
  g_assert_cmpuint(g_strv_length((char **)links), ==, 1);
  g_assert_cmpstr(links[0], ==, "https://www.example.org");
  g_assert_cmpuint(count_links(f), ==, 1);

  /* Two steps: adding and removing; undo brings the rows back. */
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_cmpuint(count_links(f), ==, 2);
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
  g_assert_cmpuint(count_links(f), ==, 1);
  g_assert_cmpstr(row_title(links_list(f), 0), ==, "https://docs.python.org/3/");
}

static void
on_node_selected(KjRoadmapDetails *details, KjRoadmapNode *node, KjRoadmapNode **selected)
{
  *selected = node;
}

static void
test_connections(Fixture *f, gconstpointer data)
{
  GtkListBox *leads = connections_list(f, "leads_list");
  GtkListBox *related = connections_list(f, "related_list");
  GListModel *matches = kj_roadmap_connect_popover_get_matches(f->popover);
  GtkEditable *search = GTK_EDITABLE(gtk_widget_get_template_child(
      GTK_WIDGET(f->popover), KJ_TYPE_ROADMAP_CONNECT_POPOVER, "search_entry"));
  guint n_edges = kj_roadmap_get_n_edges(f->roadmap);
  g_autoptr(KjRoadmapNode) match = NULL;
  KjRoadmapNode *selected = NULL;
  KjRoadmapEdge *edge;

  kj_roadmap_details_set_node(f->details, f->python);

  /* Every other topic, then the ones that match, casefolded. */
  g_assert_cmpuint(g_list_model_get_n_items(matches), ==, 4);
  gtk_editable_set_text(search, "ALGEB");
  kj_test_iterate(400); /* a search entry waits for typing to pause */
  g_assert_cmpuint(g_list_model_get_n_items(matches), ==, 1);
  match = g_list_model_get_item(matches, 0);
  g_assert_true(match == f->math);
  gtk_editable_set_text(search, "");
  kj_test_iterate(400);
  g_assert_cmpuint(g_list_model_get_n_items(matches), ==, 4);

  gtk_popover_popup(GTK_POPOVER(f->popover));
  gtk_test_widget_wait_for_draw(GTK_WIDGET(f->popover));
  kj_test_iterate(50);
  g_assert_true(gtk_widget_get_mapped(GTK_WIDGET(f->popover)));
  kj_test_save_screenshot(GTK_WIDGET(f->popover), "roadmap-details-connect.png");

  /* Prerequisite first: python leads to math; the popover closes. */
  g_assert_cmpint(kj_roadmap_connect_popover_get_edge_kind(f->popover), ==,
                  KJ_ROADMAP_EDGE_PREREQUISITE);
  g_assert_true(kj_roadmap_connect_popover_connect_to(f->popover, f->math));
  edge = kj_roadmap_lookup_edge(f->roadmap, "python", "linear-algebra");
  g_assert_nonnull(edge);
  g_assert_false(gtk_widget_get_visible(GTK_WIDGET(f->popover)));
  g_assert_cmpint(kj_roadmap_edge_get_kind(edge), ==, KJ_ROADMAP_EDGE_PREREQUISITE);
  g_assert_cmpuint(count_rows(leads), ==, 2);
  g_assert_cmpstr(row_title(leads, 1), ==, "Linear Algebra");

  /* Again, or the other way round: refused, no edge. */
  g_assert_false(kj_roadmap_connect_popover_connect_to(f->popover, f->math));
  g_assert_false(kj_roadmap_connect_popover_connect_to(f->popover, f->ai));
  g_assert_cmpuint(kj_roadmap_get_n_edges(f->roadmap), ==, n_edges + 1);
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
  g_assert_cmpuint(count_rows(leads), ==, 1);

  /* Related. */
  kj_roadmap_connect_popover_set_edge_kind(f->popover, KJ_ROADMAP_EDGE_RELATES_TO);
  g_assert_true(kj_roadmap_connect_popover_connect_to(f->popover, f->math));
  g_assert_cmpint(
      kj_roadmap_edge_get_kind(kj_roadmap_lookup_edge(f->roadmap, "python", "linear-algebra")), ==,
      KJ_ROADMAP_EDGE_RELATES_TO);
  g_assert_cmpuint(count_rows(related), ==, 2);

  /* A change of kind elsewhere moves the row. */
  kj_roadmap_edge_set_kind(kj_roadmap_lookup_edge(f->roadmap, "python", "linear-algebra"),
                           KJ_ROADMAP_EDGE_PREREQUISITE);
  g_assert_cmpuint(count_rows(related), ==, 1);
  g_assert_cmpuint(count_rows(leads), ==, 2);

  /* Removing a connection. */
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(f->connections), "connections.remove", "(ss)",
                                           "python", "numpy"));
  g_assert_null(kj_roadmap_lookup_edge(f->roadmap, "python", "numpy"));
  g_assert_cmpuint(count_rows(leads), ==, 1);
  g_assert_cmpstr(row_title(leads, 0), ==, "Linear Algebra");
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_nonnull(kj_roadmap_lookup_edge(f->roadmap, "python", "numpy"));
  g_assert_cmpuint(count_rows(leads), ==, 2);

  /* Going to a connected topic asks the page to select it. */
  g_signal_connect(f->details, "node-selected", G_CALLBACK(on_node_selected), &selected);
  g_assert_true(
      gtk_widget_activate_action(GTK_WIDGET(f->connections), "connections.go-to", "s", "numpy"));
  g_assert_true(selected == f->numpy);
}

static void
test_remove_topic(Fixture *f, gconstpointer data)
{
  guint n_edges = kj_roadmap_get_n_edges(f->roadmap);

  kj_roadmap_details_set_node(f->details, f->python);
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(f->details), "details.remove-topic", NULL));
  g_assert_false(kj_roadmap_find_node(f->roadmap, f->python, NULL));
  g_assert_cmpuint(kj_roadmap_get_n_edges(f->roadmap), ==, 0);
  g_assert_null(kj_roadmap_details_get_node(f->details));
  g_assert_cmpstr(visible_page(f), ==, "empty");

  /* One step brings it back, with its edges; the panel stays empty. */
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_false(kj_roadmap_can_undo(f->roadmap));
  g_assert_true(kj_roadmap_find_node(f->roadmap, f->python, NULL));
  g_assert_cmpuint(kj_roadmap_get_n_edges(f->roadmap), ==, n_edges);
  g_assert_null(kj_roadmap_details_get_node(f->details));

  /* A node whose creation is undone leaves the panel too. */
  kj_roadmap_details_set_node(
      f->details, kj_roadmap_create_node(f->roadmap, "Solidity", KJ_ROADMAP_NODE_KIND_SKILL));
  g_assert_cmpstr(visible_page(f), ==, "details");
  g_assert_true(kj_roadmap_undo(f->roadmap));
  g_assert_null(kj_roadmap_details_get_node(f->details));
  g_assert_cmpstr(visible_page(f), ==, "empty");
}

int
main(int argc, char *argv[])
{
  gtk_test_init(&argc, &argv, NULL);
  adw_init();
  /* No cross-fades: a stack shows its new page at once. */
  g_object_set(gtk_settings_get_default(), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add("/kj/roadmap-details/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD("empty", test_empty);
  ADD("fill", test_fill);
  ADD("title", test_title);
  ADD("combos", test_combos);
  ADD("text", test_text);
  ADD("links", test_links);
  ADD("connections", test_connections);
  ADD("remove-topic", test_remove_topic);
#undef ADD
  return g_test_run();
}
