"""URLs of the development track (namespace ``development``), mounted at /ontwikkelen/.

Each sub-domain keeps its routes in its own ``urls.py``; they share this one namespace.
"""

from .coaching.urls import urlpatterns as coaching
from .ideas.urls import urlpatterns as ideas
from .workshops.urls import urlpatterns as workshops

app_name = "development"
urlpatterns = [*ideas, *coaching, *workshops]
