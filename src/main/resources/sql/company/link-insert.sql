insert into connection_company (connection_id, match_key, erp_company_id, company_id, name, company_name, number,
                                legal_form, language, unique_identifier, selected, content_hash, remote_modified_at,
                                custom_fields, search_text, created_at, last_seen_at)
values (:connectionId, :matchKey, :erpCompanyId, :companyId, :name, :companyName, :number, :legalForm, :language,
        :uniqueIdentifier, true, :contentHash, :remoteModifiedAt, :customFields, :searchText, :now, :now)
