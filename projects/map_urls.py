app_name = "map"

urlpatterns = []
