insert into timesheet_line_earning (line_id, code, quantity)
values (:lineId, :code, :quantity)
