update connection_company
   set erp_company_id = :erpCompanyId,
       company_id = :companyId,
       name = :name,
       company_name = :companyName,
       number = :number,
       legal_form = :legalForm,
       language = :language,
       unique_identifier = :uniqueIdentifier,
       content_hash = :contentHash,
       remote_modified_at = :remoteModifiedAt,
       custom_fields = :customFields,
       search_text = :searchText,
       last_seen_at = :now
 where id = :id
