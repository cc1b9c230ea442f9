-- Whether an ad showed the 广告 label (广告法 第十四条); null for ads stored before it was recorded.
ALTER TABLE page_ad ADD COLUMN labelled BOOLEAN;
