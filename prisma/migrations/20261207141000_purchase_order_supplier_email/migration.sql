-- Purchase orders e-mailed to their supplier (issue 16.9): the supplier address, editable per order.
ALTER TABLE "inventory_purchase_orders" ADD COLUMN "supplierEmail" TEXT;
