/* Widget tests of the Roadmap page's outline, run under Xvfb: the tree of
 * stages, domains and topics with their counts, selection both ways, the
 * check boxes and undo, search (in Chinese too), the status filter, live
 * updates when nodes are added, moved or removed, and activation.  A
 * screenshot goes to $KJ_SCREENSHOT_DIR when it is set. */
#include "config.h"

#include <adwaita.h>

#include "kj-roadmap-outline-group.h"
#include "kj-roadmap-outline.h"
#include "kj-test-window-util.h"

/* ---- helpers ---- */

/* Not inside the status filter: its popup has a list view and a stack too. */
static GtkWidget *
find_descendant(GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE(widget, type))
    return widget;
  if (GTK_IS_DROP_DOWN(widget))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child(widget); child != NULL;
       child = gtk_widget_get_next_sibling(child)) {
    GtkWidget *found = find_descendant(child, type);

    if (found != NULL)
      return found;
  }
  return NULL;
}

/* ---- the fixture: a small roadmap in an outline in a window ---- */

typedef struct {
  KjRoadmap *roadmap;
  GtkWindow *window;
  KjRoadmapOutline *outline;
  GtkListView *list_view;
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;
  /* nodes (borrowed from the roadmap) */
  KjRoadmapNode *ai, *iot, *python, *signals, *statistics, *cnn, *mqtt, *sensors;
  guint n_selected_notifies;
} Fixture;

static KjRoadmapNode *
add_node(KjRoadmap *roadmap, const char *title, KjRoadmapNodeKind kind, KjRoadmapStage stage,
         const char *domain, KjRoadmapStatus status)
{
  KjRoadmapNode *node = kj_roadmap_create_node(roadmap, title, kind);

  kj_roadmap_node_set_stage(node, stage);
  kj_roadmap_node_set_domain(node, domain);
  kj_roadmap_node_set_status(node, status);
  return node;
}

static void
on_selected_notify(KjRoadmapOutline *outline, GParamSpec *pspec, Fixture *fixture)
{
  fixture->n_selected_notifies++;
}

/* Foundations: AI (domain), Python (done), Signals (learning, 傅里叶),
 * Statistics (no domain).  Cross-domain: IoT (domain), CNN, MQTT (skipped),
 * Sensors (done).  Practice and Stack fusion are empty. */
static void
fixture_set_up(Fixture *fixture, gconstpointer data)
{
  KjRoadmap *roadmap = kj_roadmap_new();

  fixture->roadmap = roadmap;
  fixture->ai = add_node(roadmap, "Artificial intelligence", KJ_ROADMAP_NODE_KIND_DOMAIN,
                         KJ_ROADMAP_STAGE_FOUNDATIONS, NULL, KJ_ROADMAP_STATUS_NOT_STARTED);
  fixture->python =
      add_node(roadmap, "Python", KJ_ROADMAP_NODE_KIND_SKILL, KJ_ROADMAP_STAGE_FOUNDATIONS,
               "artificial-intelligence", KJ_ROADMAP_STATUS_DONE);
  fixture->signals =
      add_node(roadmap, "Signal processing", KJ_ROADMAP_NODE_KIND_CONCEPT,
               KJ_ROADMAP_STAGE_FOUNDATIONS, "internet-of-things", KJ_ROADMAP_STATUS_LEARNING);
  kj_roadmap_node_set_description(fixture->signals, "傅里叶变换与滤波器");
  fixture->statistics = add_node(roadmap, "Statistics", KJ_ROADMAP_NODE_KIND_CONCEPT,
                                 KJ_ROADMAP_STAGE_FOUNDATIONS, NULL, KJ_ROADMAP_STATUS_NOT_STARTED);
  fixture->iot = add_node(roadmap, "Internet of things", KJ_ROADMAP_NODE_KIND_DOMAIN,
                          KJ_ROADMAP_STAGE_CROSS_DOMAIN, NULL, KJ_ROADMAP_STATUS_NOT_STARTED);
  fixture->cnn = add_node(roadmap, "Convolutional networks", KJ_ROADMAP_NODE_KIND_SKILL,
                          KJ_ROADMAP_STAGE_CROSS_DOMAIN, "artificial-intelligence",
                          KJ_ROADMAP_STATUS_NOT_STARTED);
  fixture->mqtt =
      add_node(roadmap, "MQTT", KJ_ROADMAP_NODE_KIND_TOOL, KJ_ROADMAP_STAGE_CROSS_DOMAIN,
               "internet-of-things", KJ_ROADMAP_STATUS_SKIPPED);
  fixture->sensors =
      add_node(roadmap, "Sensors", KJ_ROADMAP_NODE_KIND_RESOURCE, KJ_ROADMAP_STAGE_CROSS_DOMAIN,
               "internet-of-things", KJ_ROADMAP_STATUS_DONE);
  kj_roadmap_node_set_notes(fixture->sensors, "Bought a RASPBERRY Pi");
  g_assert_cmpstr(kj_roadmap_node_get_id(fixture->ai), ==, "artificial-intelligence");
  g_assert_cmpstr(kj_roadmap_node_get_id(fixture->iot), ==, "internet-of-things");
  kj_roadmap_clear_history(roadmap);

  fixture->outline = KJ_ROADMAP_OUTLINE(kj_roadmap_outline_new());
  kj_roadmap_outline_set_roadmap(fixture->outline, roadmap);
  g_signal_connect(fixture->outline, "notify::selected", G_CALLBACK(on_selected_notify), fixture);

  fixture->window = kj_test_show_in_window(GTK_WIDGET(fixture->outline), 420, 720);

  fixture->list_view =
      GTK_LIST_VIEW(find_descendant(GTK_WIDGET(fixture->outline), GTK_TYPE_LIST_VIEW));
  g_assert_nonnull(fixture->list_view);
  fixture->selection = GTK_SINGLE_SELECTION(gtk_list_view_get_model(fixture->list_view));
  g_assert_true(GTK_IS_SINGLE_SELECTION(fixture->selection));
  fixture->tree = GTK_TREE_LIST_MODEL(gtk_single_selection_get_model(fixture->selection));
  g_assert_true(GTK_IS_TREE_LIST_MODEL(fixture->tree));
}

static void
fixture_tear_down(Fixture *fixture, gconstpointer data)
{
  KjRoadmapOutline *outline = fixture->outline;

  g_object_add_weak_pointer(G_OBJECT(outline), (gpointer *)&outline);
  kj_test_close_window(fixture->window);
  g_assert_null(outline);
  g_assert_finalize_object(fixture->roadmap);
}

/* The top-level rows' titles, joined with '|'. */
static char *
top_level_titles(Fixture *fixture)
{
  GListModel *root = gtk_tree_list_model_get_model(fixture->tree);
  g_autoptr(GString) titles = g_string_new(NULL);

  for (guint i = 0; i < g_list_model_get_n_items(root); i++) {
    g_autoptr(KjRoadmapOutlineGroup) group = g_list_model_get_item(root, i);

    g_string_append_printf(titles, "%s%s", i > 0 ? "|" : "",
                           kj_roadmap_outline_group_get_title(group));
  }
  return g_string_free(g_steal_pointer(&titles), FALSE);
}

static GtkTreeListRow *
find_row(Fixture *fixture, gpointer item)
{
  guint n = g_list_model_get_n_items(G_LIST_MODEL(fixture->tree));

  for (guint i = 0; i < n; i++) {
    g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row(fixture->tree, i);
    g_autoptr(GObject) row_item = gtk_tree_list_row_get_item(row);

    if ((gpointer)row_item == item)
      return g_steal_pointer(&row);
  }
  return NULL;
}

static KjRoadmapOutlineGroup *
find_group(Fixture *fixture, const char *title)
{
  guint n = g_list_model_get_n_items(G_LIST_MODEL(fixture->tree));

  for (guint i = 0; i < n; i++) {
    g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row(fixture->tree, i);
    g_autoptr(GObject) item = gtk_tree_list_row_get_item(row);

    if (KJ_IS_ROADMAP_OUTLINE_GROUP(item) &&
        g_strcmp0(kj_roadmap_outline_group_get_title(KJ_ROADMAP_OUTLINE_GROUP(item)), title) == 0)
      return KJ_ROADMAP_OUTLINE_GROUP(item); /* the root keeps it */
  }
  return NULL;
}

/* The nodes of the rows in the tree now (expanded rows only), in order. */
static GPtrArray *
shown_nodes(Fixture *fixture)
{
  GPtrArray *nodes = g_ptr_array_new();
  guint n = g_list_model_get_n_items(G_LIST_MODEL(fixture->tree));

  for (guint i = 0; i < n; i++) {
    g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row(fixture->tree, i);
    g_autoptr(GObject) item = gtk_tree_list_row_get_item(row);

    if (KJ_IS_ROADMAP_NODE(item))
      g_ptr_array_add(nodes, item);
  }
  return nodes;
}

static guint
count_groups(Fixture *fixture)
{
  guint n = g_list_model_get_n_items(G_LIST_MODEL(fixture->tree)), groups = 0;

  for (guint i = 0; i < n; i++) {
    g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row(fixture->tree, i);
    g_autoptr(GObject) item = gtk_tree_list_row_get_item(row);

    groups += KJ_IS_ROADMAP_OUTLINE_GROUP(item);
  }
  return groups;
}

/* Whether node is in one of stage's domain groups, shown or not. */
static gboolean
stage_holds(KjRoadmapOutlineGroup *stage, KjRoadmapNode *node)
{
  GListModel *domains = kj_roadmap_outline_group_get_items(stage);

  for (guint i = 0; i < g_list_model_get_n_items(domains); i++) {
    g_autoptr(KjRoadmapOutlineGroup) domain = g_list_model_get_item(domains, i);
    GListModel *nodes = kj_roadmap_outline_group_get_items(domain);

    for (guint j = 0; j < g_list_model_get_n_items(nodes); j++) {
      g_autoptr(GObject) item = g_list_model_get_item(nodes, j);

      if ((gpointer)item == node)
        return TRUE;
    }
  }
  return FALSE;
}

/* The check box of the row that shows node (it must be on screen). */
static GtkCheckButton *
find_check(GtkWidget *widget, KjRoadmapNode *node)
{
  if (GTK_IS_TREE_EXPANDER(widget) &&
      gtk_tree_expander_get_item(GTK_TREE_EXPANDER(widget)) == (gpointer)node)
    return GTK_CHECK_BUTTON(find_descendant(widget, GTK_TYPE_CHECK_BUTTON));
  for (GtkWidget *child = gtk_widget_get_first_child(widget); child != NULL;
       child = gtk_widget_get_next_sibling(child)) {
    GtkCheckButton *found = find_check(child, node);

    if (found != NULL)
      return found;
  }
  return NULL;
}

typedef struct {
  const char *text;
  gboolean done;
} Search;

/* Setting the text may first pass through "" (which the entry reports at
 * once): wait for the report of the text itself. */
static void
on_search_changed(GtkSearchEntry *entry, Search *search)
{
  if (g_strcmp0(gtk_editable_get_text(GTK_EDITABLE(entry)), search->text) == 0)
    search->done = TRUE;
}

static void
search(Fixture *fixture, const char *text)
{
  GtkWidget *entry = find_descendant(GTK_WIDGET(fixture->outline), GTK_TYPE_SEARCH_ENTRY);
  Search search = { text, FALSE };
  gulong handler =
      g_signal_connect(entry, "search-changed", G_CALLBACK(on_search_changed), &search);
  gint64 end = g_get_monotonic_time() + 5 * G_USEC_PER_SEC;

  gtk_editable_set_text(GTK_EDITABLE(entry), text);
  while (!search.done && g_get_monotonic_time() < end)
    g_main_context_iteration(NULL, FALSE);
  g_assert_true(search.done);
  g_signal_handler_disconnect(entry, handler);
  kj_test_iterate(20);
}

static void
filter_status(Fixture *fixture, int status)
{
  GtkDropDown *dropdown =
      GTK_DROP_DOWN(find_descendant(GTK_WIDGET(fixture->outline), GTK_TYPE_DROP_DOWN));

  gtk_drop_down_set_selected(dropdown, status < 0 ? 0 : (guint)status + 1);
  kj_test_iterate(20);
}

static const char *
stack_page(Fixture *fixture)
{
  GtkStack *stack = GTK_STACK(find_descendant(GTK_WIDGET(fixture->outline), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name(stack);
}

/* ---- tests ---- */

static void
test_rows(Fixture *fixture, gconstpointer data)
{
  g_autofree char *titles = top_level_titles(fixture);
  g_autofree char *expected =
      g_strjoin("|", kj_roadmap_stage_get_label(KJ_ROADMAP_STAGE_FOUNDATIONS),
                kj_roadmap_stage_get_label(KJ_ROADMAP_STAGE_CROSS_DOMAIN),
                kj_roadmap_stage_get_label(KJ_ROADMAP_STAGE_FUSION),
                kj_roadmap_stage_get_label(KJ_ROADMAP_STAGE_PRACTICE), NULL);
  KjRoadmapOutlineGroup *foundations = find_group(fixture, "Foundations");
  KjRoadmapOutlineGroup *cross = find_group(fixture, "Cross-domain knowledge");
  GListModel *domains;

  /* Four stages, no "No stage": every node has one. */
  g_assert_cmpstr(titles, ==, expected);
  g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(foundations), ==, "1/4");
  /* MQTT is skipped: not counted. */
  g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(cross), ==, "1/3");
  g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(find_group(fixture, "Practice")), ==,
                  "0/0");

  /* Stages start expanded, showing their domains in order, "Other" last. */
  domains = kj_roadmap_outline_group_get_children(foundations);
  g_assert_cmpuint(g_list_model_get_n_items(domains), ==, 3);
  {
    const char *expected_domains[] = { "Artificial intelligence", "Internet of things", "Other" };
    const char *expected_counts[] = { "1/2", "0/1", "0/1" };

    for (guint i = 0; i < 3; i++) {
      g_autoptr(KjRoadmapOutlineGroup) domain = g_list_model_get_item(domains, i);

      g_assert_cmpstr(kj_roadmap_outline_group_get_title(domain), ==, expected_domains[i]);
      g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(domain), ==, expected_counts[i]);
      g_assert_true(kj_roadmap_outline_group_is_domain(domain));
    }
  }
  /* The same order in every stage: IoT's domain node comes first in
   * Cross-domain, but AI appeared first in the roadmap. */
  domains = kj_roadmap_outline_group_get_children(cross);
  g_assert_cmpuint(g_list_model_get_n_items(domains), ==, 2);
  {
    g_autoptr(KjRoadmapOutlineGroup) first = g_list_model_get_item(domains, 0);

    g_assert_cmpstr(kj_roadmap_outline_group_get_title(first), ==, "Artificial intelligence");
    g_assert_cmpstr(kj_roadmap_outline_group_get_domain(first), ==, "artificial-intelligence");
  }
  /* 4 stages + 3 + 2 domains; no topic until a domain is opened. */
  g_assert_cmpuint(count_groups(fixture), ==, 9);
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(fixture->tree)), ==, 9);

  /* A domain node's title is its group's title, live; counts follow statuses. */
  kj_roadmap_node_set_title(fixture->iot, "IoT");
  g_assert_nonnull(find_group(fixture, "IoT"));
  kj_roadmap_node_set_status(fixture->statistics, KJ_ROADMAP_STATUS_DONE);
  g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(foundations), ==, "2/4");
  g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(find_group(fixture, "Other")), ==,
                  "1/1");
}

static void
test_select(Fixture *fixture, gconstpointer data)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(GtkTreeListRow) domain_row = NULL;
  KjRoadmapNode *selected = NULL;
  KjRoadmapOutlineGroup *ai_group;

  g_assert_null(kj_roadmap_outline_get_selected(fixture->outline));
  g_assert_null(find_row(fixture, fixture->cnn));

  kj_roadmap_outline_set_selected(fixture->outline, fixture->cnn);
  g_assert_true(kj_roadmap_outline_get_selected(fixture->outline) == fixture->cnn);
  g_object_get(fixture->outline, "selected", &selected, NULL);
  g_assert_true(selected == fixture->cnn);
  g_clear_object(&selected);
  g_assert_cmpuint(fixture->n_selected_notifies, ==, 1);
  /* Its domain row was opened, and its row is the one selected. */
  row = find_row(fixture, fixture->cnn);
  g_assert_nonnull(row);
  g_assert_cmpuint(gtk_single_selection_get_selected(fixture->selection), ==,
                   gtk_tree_list_row_get_position(row));
  domain_row = gtk_tree_list_row_get_parent(row);
  g_assert_true(gtk_tree_list_row_get_expanded(domain_row));
  kj_test_iterate(50);

  /* Selecting again changes nothing. */
  kj_roadmap_outline_set_selected(fixture->outline, fixture->cnn);
  g_assert_cmpuint(fixture->n_selected_notifies, ==, 1);

  /* The property the other way round, through g_object_set(). */
  g_object_set(fixture->outline, "selected", fixture->sensors, NULL);
  g_assert_true(kj_roadmap_outline_get_selected(fixture->outline) == fixture->sensors);
  g_assert_cmpuint(fixture->n_selected_notifies, ==, 2);

  /* The user selects a row: a node sets "selected", a domain clears it. */
  g_clear_object(&row);
  row = find_row(fixture, fixture->cnn);
  gtk_single_selection_set_selected(fixture->selection, gtk_tree_list_row_get_position(row));
  g_assert_true(kj_roadmap_outline_get_selected(fixture->outline) == fixture->cnn);
  ai_group = find_group(fixture, "Artificial intelligence");
  g_clear_object(&row);
  row = find_row(fixture, ai_group);
  gtk_single_selection_set_selected(fixture->selection, gtk_tree_list_row_get_position(row));
  g_assert_null(kj_roadmap_outline_get_selected(fixture->outline));
  g_assert_cmpuint(fixture->n_selected_notifies, ==, 4);
  /* An edit elsewhere leaves the domain row selected. */
  kj_roadmap_node_set_status(fixture->mqtt, KJ_ROADMAP_STATUS_DONE);
  g_assert_cmpuint(gtk_single_selection_get_selected(fixture->selection), ==,
                   gtk_tree_list_row_get_position(row));

  /* NULL clears the view's selection too. */
  kj_roadmap_outline_set_selected(fixture->outline, fixture->python);
  kj_roadmap_outline_set_selected(fixture->outline, NULL);
  g_assert_null(kj_roadmap_outline_get_selected(fixture->outline));
  g_assert_null(gtk_single_selection_get_selected_item(fixture->selection));
}

static void
test_check(Fixture *fixture, gconstpointer data)
{
  KjRoadmapOutlineGroup *cross = find_group(fixture, "Cross-domain knowledge");
  GtkCheckButton *check;

  kj_roadmap_outline_set_selected(fixture->outline, fixture->cnn);
  kj_roadmap_outline_set_selected(fixture->outline, fixture->signals);
  kj_test_iterate(100);

  /* Checking is an edit of the roadmap. */
  check = find_check(GTK_WIDGET(fixture->list_view), fixture->cnn);
  g_assert_nonnull(check);
  g_assert_false(gtk_check_button_get_active(check));
  g_assert_false(kj_roadmap_can_undo(fixture->roadmap));
  gtk_check_button_set_active(check, TRUE);
  g_assert_cmpint(kj_roadmap_node_get_status(fixture->cnn), ==, KJ_ROADMAP_STATUS_DONE);
  g_assert_true(kj_roadmap_can_undo(fixture->roadmap));
  g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(cross), ==, "2/3");

  /* Undo unchecks it, and that is no new edit. */
  g_assert_true(kj_roadmap_undo(fixture->roadmap));
  g_assert_cmpint(kj_roadmap_node_get_status(fixture->cnn), ==, KJ_ROADMAP_STATUS_NOT_STARTED);
  g_assert_false(gtk_check_button_get_active(check));
  g_assert_false(kj_roadmap_can_undo(fixture->roadmap));
  g_assert_true(kj_roadmap_can_redo(fixture->roadmap));
  g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(cross), ==, "1/3");
  /* Redo checks it again. */
  g_assert_true(kj_roadmap_redo(fixture->roadmap));
  g_assert_true(gtk_check_button_get_active(check));

  /* A topic being learnt is unchecked; checking makes it done, and undo
   * brings "learning" back without the check box turning it into "not
   * started". */
  check = find_check(GTK_WIDGET(fixture->list_view), fixture->signals);
  g_assert_nonnull(check);
  g_assert_false(gtk_check_button_get_active(check));
  gtk_check_button_set_active(check, TRUE);
  g_assert_cmpint(kj_roadmap_node_get_status(fixture->signals), ==, KJ_ROADMAP_STATUS_DONE);
  g_assert_true(kj_roadmap_undo(fixture->roadmap));
  g_assert_cmpint(kj_roadmap_node_get_status(fixture->signals), ==, KJ_ROADMAP_STATUS_LEARNING);
  g_assert_false(gtk_check_button_get_active(check));
  g_assert_true(kj_roadmap_can_redo(fixture->roadmap));

  /* Unchecking a done topic: not started. */
  check = find_check(GTK_WIDGET(fixture->list_view), fixture->cnn);
  gtk_check_button_set_active(check, FALSE);
  g_assert_cmpint(kj_roadmap_node_get_status(fixture->cnn), ==, KJ_ROADMAP_STATUS_NOT_STARTED);
}

static void
test_search(Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GtkTreeListRow) ai_row = NULL;
  g_autofree char *titles = NULL;

  g_assert_cmpstr(stack_page(fixture), ==, "list");
  /* Opened by hand before searching; kept afterwards. */
  ai_row = find_row(fixture, find_group(fixture, "Artificial intelligence"));
  gtk_tree_list_row_set_expanded(ai_row, TRUE);
  kj_roadmap_outline_set_selected(fixture->outline, fixture->python);

  search(fixture, "傅里叶");
  nodes = shown_nodes(fixture);
  g_assert_cmpuint(nodes->len, ==, 1);
  g_assert_true(nodes->pdata[0] == fixture->signals);
  /* Only its stage and domain are left, both open. */
  g_assert_cmpuint(count_groups(fixture), ==, 2);
  titles = top_level_titles(fixture);
  g_assert_cmpstr(titles, ==, "Foundations");
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(fixture->tree)), ==, 3);
  /* The selected node is hidden, yet still selected. */
  g_assert_true(kj_roadmap_outline_get_selected(fixture->outline) == fixture->python);
  g_assert_null(gtk_single_selection_get_selected_item(fixture->selection));

  /* Case does not matter, notes count, and every word must match. */
  search(fixture, "raspberry  PI");
  g_clear_pointer(&nodes, g_ptr_array_unref);
  nodes = shown_nodes(fixture);
  g_assert_cmpuint(nodes->len, ==, 1);
  g_assert_true(nodes->pdata[0] == fixture->sensors);
  search(fixture, "raspberry python");
  g_assert_cmpstr(stack_page(fixture), ==, "empty");
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(fixture->tree)), ==, 0);

  /* While searching, an edit that makes a node match shows it. */
  search(fixture, "傅里叶");
  kj_roadmap_node_set_notes(fixture->mqtt, "傅里叶? No.");
  kj_test_settle();
  g_clear_pointer(&nodes, g_ptr_array_unref);
  nodes = shown_nodes(fixture);
  g_assert_cmpuint(nodes->len, ==, 2);

  /* Clearing the search: the rows open before are open again, nothing
   * else, and the selection is back in the view. */
  search(fixture, "");
  g_assert_cmpstr(stack_page(fixture), ==, "list");
  g_clear_pointer(&nodes, g_ptr_array_unref);
  nodes = shown_nodes(fixture);
  g_assert_cmpuint(nodes->len, ==, 2); /* AI's: the domain node and Python */
  g_assert_true(nodes->pdata[1] == fixture->python);
  g_assert_cmpuint(count_groups(fixture), ==, 9);
  g_assert_true(kj_roadmap_outline_get_selected(fixture->outline) == fixture->python);
  g_assert_nonnull(gtk_single_selection_get_selected_item(fixture->selection));

  /* Selecting a node the search hides clears the search. */
  search(fixture, "傅里叶");
  kj_roadmap_outline_set_selected(fixture->outline, fixture->cnn);
  g_assert_nonnull(find_row(fixture, fixture->cnn));
  g_assert_cmpstr(gtk_editable_get_text(GTK_EDITABLE(
                      find_descendant(GTK_WIDGET(fixture->outline), GTK_TYPE_SEARCH_ENTRY))),
                  ==, "");
}

static void
test_status_filter(Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) nodes = NULL;

  filter_status(fixture, KJ_ROADMAP_STATUS_DONE);
  nodes = shown_nodes(fixture);
  g_assert_cmpuint(nodes->len, ==, 2);
  g_assert_true(nodes->pdata[0] == fixture->python);
  g_assert_true(nodes->pdata[1] == fixture->sensors);
  /* Foundations › AI, Cross-domain › IoT. */
  g_assert_cmpuint(count_groups(fixture), ==, 4);

  /* A status change is followed (after the click is handled). */
  kj_roadmap_node_set_status(fixture->cnn, KJ_ROADMAP_STATUS_DONE);
  kj_test_settle();
  g_clear_pointer(&nodes, g_ptr_array_unref);
  nodes = shown_nodes(fixture);
  g_assert_cmpuint(nodes->len, ==, 3);
  for (guint i = 0; i < nodes->len; i++)
    g_assert_cmpint(kj_roadmap_node_get_status(nodes->pdata[i]), ==, KJ_ROADMAP_STATUS_DONE);

  /* Checking a topic while "Not started" is shown: the row goes once the
   * click is handled, not under it. */
  filter_status(fixture, KJ_ROADMAP_STATUS_NOT_STARTED);
  kj_test_settle();
  gtk_test_widget_wait_for_draw(GTK_WIDGET(fixture->list_view)); /* its rows laid out */
  {
    GtkCheckButton *check = find_check(GTK_WIDGET(fixture->list_view), fixture->statistics);
    g_autoptr(GtkTreeListRow) row = NULL;

    g_assert_nonnull(check);
    gtk_check_button_set_active(check, TRUE);
    row = find_row(fixture, fixture->statistics);
    g_assert_nonnull(row);
    kj_test_settle();
    g_clear_object(&row);
    row = find_row(fixture, fixture->statistics);
    g_assert_null(row);
    g_assert_cmpint(kj_roadmap_node_get_status(fixture->statistics), ==, KJ_ROADMAP_STATUS_DONE);
    /* Undo brings it back. */
    g_assert_true(kj_roadmap_undo(fixture->roadmap));
    kj_test_settle();
    row = find_row(fixture, fixture->statistics);
    g_assert_nonnull(row);
  }

  filter_status(fixture, KJ_ROADMAP_STATUS_SKIPPED);
  g_clear_pointer(&nodes, g_ptr_array_unref);
  nodes = shown_nodes(fixture);
  g_assert_cmpuint(nodes->len, ==, 1);
  g_assert_true(nodes->pdata[0] == fixture->mqtt);

  /* With a search as well, both must match. */
  search(fixture, "sensors");
  g_assert_cmpstr(stack_page(fixture), ==, "empty");
  filter_status(fixture, -1);
  g_assert_cmpstr(stack_page(fixture), ==, "list");
  g_clear_pointer(&nodes, g_ptr_array_unref);
  nodes = shown_nodes(fixture);
  g_assert_cmpuint(nodes->len, ==, 1);
  g_assert_true(nodes->pdata[0] == fixture->sensors);
}

static void
test_live(Fixture *fixture, gconstpointer data)
{
  g_autofree char *titles = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GtkTreeListRow) foundations_row = NULL;
  KjRoadmapOutlineGroup *cross = find_group(fixture, "Cross-domain knowledge");
  KjRoadmapNode *edge_ai;

  /* A new node has no stage: "No stage" appears, with it in "Other". */
  edge_ai = kj_roadmap_create_node(fixture->roadmap, "Edge AI", KJ_ROADMAP_NODE_KIND_PROJECT);
  titles = top_level_titles(fixture);
  g_assert_true(g_str_has_suffix(titles, "|No stage"));
  kj_roadmap_outline_set_selected(fixture->outline, edge_ai);
  g_assert_nonnull(find_row(fixture, edge_ai));

  /* Given a stage, it moves there, still selected; "No stage" goes. */
  foundations_row = find_row(fixture, find_group(fixture, "Foundations"));
  gtk_tree_list_row_set_expanded(foundations_row, FALSE);
  kj_roadmap_node_set_stage(edge_ai, KJ_ROADMAP_STAGE_PRACTICE);
  g_clear_pointer(&titles, g_free);
  titles = top_level_titles(fixture);
  g_assert_false(g_str_has_suffix(titles, "|No stage"));
  g_assert_true(kj_roadmap_outline_get_selected(fixture->outline) == edge_ai);
  g_assert_nonnull(find_row(fixture, edge_ai));
  g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(find_group(fixture, "Practice")), ==,
                  "0/1");
  /* The row closed by hand stays closed. */
  g_assert_false(gtk_tree_list_row_get_expanded(foundations_row));

  /* A new domain: a new domain row, between the others and "Other". */
  kj_roadmap_node_set_domain(edge_ai, "artificial-intelligence");
  g_assert_nonnull(find_group(fixture, "Artificial intelligence"));
  g_assert_true(kj_roadmap_outline_get_selected(fixture->outline) == edge_ai);
  g_assert_nonnull(find_row(fixture, edge_ai));

  /* Within a user action "changed" comes at the end; selecting a node
   * added there works all the same. */
  kj_roadmap_begin_user_action(fixture->roadmap);
  {
    KjRoadmapNode *node =
        kj_roadmap_create_node(fixture->roadmap, "Kalman filter", KJ_ROADMAP_NODE_KIND_CONCEPT);

    kj_roadmap_node_set_stage(node, KJ_ROADMAP_STAGE_FUSION);
    kj_roadmap_outline_set_selected(fixture->outline, node);
    g_assert_nonnull(find_row(fixture, node));
  }
  kj_roadmap_end_user_action(fixture->roadmap);

  /* Removing the selected node clears the selection; undo brings the node
   * back, not the selection. */
  kj_roadmap_outline_set_selected(fixture->outline, fixture->cnn);
  fixture->n_selected_notifies = 0;
  kj_roadmap_remove_node(fixture->roadmap, fixture->cnn);
  g_assert_null(kj_roadmap_outline_get_selected(fixture->outline));
  g_assert_cmpuint(fixture->n_selected_notifies, ==, 1);
  g_assert_null(find_row(fixture, fixture->cnn));
  g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(cross), ==, "1/2");
  g_assert_true(kj_roadmap_undo(fixture->roadmap));
  g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(cross), ==, "1/3");
  g_assert_true(stage_holds(cross, fixture->cnn));
  g_assert_null(kj_roadmap_outline_get_selected(fixture->outline));

  /* Replacing everything: the new nodes, nothing of the old. */
  {
    g_autoptr(KjRoadmap) other = kj_roadmap_new();
    KjRoadmapNode *only = add_node(other, "Only", KJ_ROADMAP_NODE_KIND_CONCEPT,
                                   KJ_ROADMAP_STAGE_PRACTICE, NULL, KJ_ROADMAP_STATUS_DONE);

    kj_roadmap_outline_set_selected(fixture->outline, fixture->python);
    kj_roadmap_replace_contents(fixture->roadmap, other);
    g_assert_null(kj_roadmap_outline_get_selected(fixture->outline));
    kj_roadmap_outline_set_selected(fixture->outline, only);
    nodes = shown_nodes(fixture);
    g_assert_cmpuint(nodes->len, ==, 1);
    g_assert_true(nodes->pdata[0] == only);
    g_assert_null(find_group(fixture, "Artificial intelligence"));
    g_assert_cmpstr(kj_roadmap_outline_group_get_count_label(find_group(fixture, "Foundations")),
                    ==, "0/0");
  }
}

static void
on_node_activated(KjRoadmapOutline *outline, KjRoadmapNode *node, KjRoadmapNode **activated)
{
  *activated = node;
}

static void
test_activate(Fixture *fixture, gconstpointer data)
{
  KjRoadmapNode *activated = NULL;
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(GtkTreeListRow) stage_row = NULL;

  g_signal_connect(fixture->outline, "node-activated", G_CALLBACK(on_node_activated), &activated);
  kj_roadmap_outline_set_selected(fixture->outline, fixture->sensors);
  row = find_row(fixture, fixture->sensors);
  g_signal_emit_by_name(fixture->list_view, "activate", gtk_tree_list_row_get_position(row));
  g_assert_true(activated == fixture->sensors);

  /* A stage row opens and closes instead. */
  activated = NULL;
  stage_row = find_row(fixture, find_group(fixture, "Practice"));
  g_assert_true(gtk_tree_list_row_get_expanded(stage_row));
  g_signal_emit_by_name(fixture->list_view, "activate", gtk_tree_list_row_get_position(stage_row));
  g_assert_false(gtk_tree_list_row_get_expanded(stage_row));
  g_signal_emit_by_name(fixture->list_view, "activate", gtk_tree_list_row_get_position(stage_row));
  g_assert_true(gtk_tree_list_row_get_expanded(stage_row));
  g_assert_null(activated);
}

static void
test_screenshot(Fixture *fixture, gconstpointer data)
{
  GtkWidget *focus;

  kj_roadmap_outline_set_selected(fixture->outline, fixture->signals);
  kj_roadmap_outline_set_selected(fixture->outline, fixture->mqtt);
  kj_roadmap_outline_set_selected(fixture->outline, fixture->sensors);
  kj_roadmap_outline_focus_search(fixture->outline);
  focus = gtk_root_get_focus(GTK_ROOT(fixture->window));
  g_assert_nonnull(focus);
  g_assert_true(gtk_widget_is_ancestor(
      focus, find_descendant(GTK_WIDGET(fixture->outline), GTK_TYPE_SEARCH_ENTRY)));
  gtk_test_widget_wait_for_draw(GTK_WIDGET(fixture->window));
  kj_test_iterate(100);
  kj_test_save_screenshot(GTK_WIDGET(fixture->window), "roadmap-outline.png");
}

/* Before the outline is ever shown, and without a roadmap. */
static void
test_unshown(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  GtkWidget *outline = g_object_ref_sink(kj_roadmap_outline_new());
  KjRoadmapNode *node =
      kj_roadmap_create_node(roadmap, "Linear algebra", KJ_ROADMAP_NODE_KIND_CONCEPT);

  g_assert_null(kj_roadmap_outline_get_roadmap(KJ_ROADMAP_OUTLINE(outline)));
  /* No roadmap, no rows. */
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(gtk_list_view_get_model(
                       GTK_LIST_VIEW(find_descendant(outline, GTK_TYPE_LIST_VIEW))))),
                   ==, 0);
  kj_roadmap_outline_set_selected(KJ_ROADMAP_OUTLINE(outline), NULL);
  g_object_set(outline, "roadmap", roadmap, NULL);
  g_assert_true(kj_roadmap_outline_get_roadmap(KJ_ROADMAP_OUTLINE(outline)) == roadmap);
  kj_roadmap_outline_set_selected(KJ_ROADMAP_OUTLINE(outline), node);
  g_assert_true(kj_roadmap_outline_get_selected(KJ_ROADMAP_OUTLINE(outline)) == node);
  /* Another roadmap: nothing of the first is selected. */
  kj_roadmap_outline_set_roadmap(KJ_ROADMAP_OUTLINE(outline), NULL);
  g_assert_null(kj_roadmap_outline_get_selected(KJ_ROADMAP_OUTLINE(outline)));
  kj_roadmap_outline_set_roadmap(KJ_ROADMAP_OUTLINE(outline), roadmap);
  kj_test_iterate(20);
  g_assert_finalize_object(outline);
  /* The outline let go of the roadmap's signals. */
  kj_roadmap_node_set_stage(node, KJ_ROADMAP_STAGE_FUSION);
}

int
main(int argc, char *argv[])
{
  gtk_test_init(&argc, &argv, NULL);
  adw_init();
  g_object_set(gtk_settings_get_default(), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add("/kj/roadmap-outline/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD("rows", test_rows);
  ADD("select", test_select);
  ADD("check", test_check);
  ADD("search", test_search);
  ADD("status-filter", test_status_filter);
  ADD("live", test_live);
  ADD("activate", test_activate);
  ADD("screenshot", test_screenshot);
#undef ADD
  g_test_add_func("/kj/roadmap-outline/unshown", test_unshown);
  return g_test_run();
}
