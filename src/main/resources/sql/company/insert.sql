insert into company (code, name, number, number_key, number_valid, legal_form, address, general_assembly_date, erp,
                     erp_key, search_text, updated_at)
values (:code, :name, :number, :numberKey, :numberValid, :legalForm, :address, :generalAssemblyDate, :erp, :erpKey,
        :searchText, :now)
