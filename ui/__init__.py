"""The Streamlit app's sections, each a few widgets over the ``graph`` library.

``app.py`` calls them top to bottom. Only this package and ``app.py`` import Streamlit; all logic
(views, styles, exports, the mapping of a view to widgets and URL) lives in ``graph``.
"""
