"""The network and its views: the NetworkX graph, filters, neighbourhoods, paths, search and layout.

A :class:`ViewSpec` says what to show; :class:`Explorer` turns it into a :class:`View` of the
dataset's graph, with positions, that every renderer and export draws.
"""

from graph.network import viewstate
from graph.network.bounded import Bound, bounded_view, is_large
from graph.network.build import build_graph
from graph.network.explorer import Explorer
from graph.network.search import SearchEntry, SearchHit, search, search_entries
from graph.network.view import View, make_view
from graph.viewspec import DIRECTIONS, LAYOUTS, MAX_DEPTH, ViewSpec

__all__ = ["DIRECTIONS", "LAYOUTS", "MAX_DEPTH", "Bound", "Explorer", "SearchEntry", "SearchHit", "View", "ViewSpec",
           "bounded_view", "build_graph", "is_large", "make_view", "search", "search_entries", "viewstate"]
