update company
   set name = :name,
       number = :number,
       number_key = :numberKey,
       number_valid = :numberValid,
       legal_form = :legalForm,
       address = :address,
       general_assembly_date = :generalAssemblyDate,
       erp = :erp,
       erp_key = :erpKey,
       search_text = :searchText,
       updated_at = :now
 where id = :id
