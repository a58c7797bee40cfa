update purchase_order
   set loose_key = :looseKey,
       number = :number,
       supplier_code = :supplierCode,
       project_number = :projectNumber,
       order_date = :orderDate,
       status = :status,
       total = :total,
       lines = :lines,
       search_text = :searchText,
       updated_at = :now
 where id = :id
