insert into company (code, name) values (:code, :name)
