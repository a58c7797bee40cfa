insert into purchase_order (company_id, match_key, loose_key, number, supplier_code, project_number, order_date, status, total, lines, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :number, :supplierCode, :projectNumber, :orderDate, :status, :total, :lines, :searchText, :now, :now)
