package org.participe.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.participe.base.CsvCell;

/**
 * Where an export's rows go, one at a time: nothing holds the whole table. CSV is written as it
 * comes; XLSX through POI's streaming workbook, which keeps a window of rows in memory and flushes
 * the rest to a temporary file.
 */
abstract sealed class TableSink implements AutoCloseable {

    abstract void header(List<String> names);

    abstract void row(List<?> cells);

    @Override
    public abstract void close();

    static TableSink of(ExportFormat format, OutputStream out, String sheetName) {
        return format == ExportFormat.CSV ? new Csv(out) : new Xlsx(out, sheetName);
    }

    static final class Csv extends TableSink {

        private final Writer writer;

        Csv(OutputStream out) {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write("\uFEFF");
        }

        @Override
        void header(List<String> names) {
            row(names);
        }

        @Override
        void row(List<?> cells) {
            List<String> texts = new ArrayList<>();
            for (Object cell : cells) {
                texts.add(switch (cell) {
                    case null -> "";
                    case Double number -> String.format(Locale.FRANCE, "%.1f", number);
                    case Number number -> number.toString();
                    case LocalDate date -> date.toString();
                    default -> CsvCell.of(cell.toString());
                });
            }
            write(String.join(";", texts) + "\r\n");
        }

        private void write(String text) {
            try {
                writer.write(text);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }

        @Override
        public void close() {
            try {
                writer.flush();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    static final class Xlsx extends TableSink {

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final SXSSFSheet sheet;
        private final CellStyle dateStyle;
        private final CellStyle headerStyle;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            this.dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            this.headerStyle = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
        }

        @Override
        void header(List<String> names) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < names.size(); i++) {
                var cell = row.createCell(i);
                cell.setCellValue(names.get(i));
                cell.setCellStyle(headerStyle);
            }
            sheet.createFreezePane(0, 1);
        }

        @Override
        void row(List<?> cells) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                var cell = row.createCell(i);
                switch (value) {
                    case null -> cell.setBlank();
                    case Number number -> cell.setCellValue(number.doubleValue());
                    case LocalDate date -> {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    }
                    default -> cell.setCellValue(value.toString());
                }
            }
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            } finally {
                workbook.dispose();
                try {
                    workbook.close();
                } catch (IOException ignored) {
                    // The file is written; only the temporary files' cleanup failed.
                }
            }
        }
    }
}
