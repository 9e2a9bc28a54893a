from django.apps import AppConfig


class InventoryConfig(AppConfig):
    name = "tillid.web.inventory"
    label = "inventory"
    verbose_name = "Inventory"
